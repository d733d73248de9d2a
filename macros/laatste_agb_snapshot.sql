{#- The AGB register as in its latest snapshot. Every snapshot is a full copy with history in
    the begin/end dates, so the newest one alone knows every period: one rule for every model that
    reads the register. -#}
{% macro laatste_agb_snapshot(staging_model) -%}
    select *
    from {{ ref(staging_model) }}
    where peildatum = (select max(laatste.peildatum) from {{ ref(staging_model) }} as laatste)
{%- endmacro %}

{#- An open end date (null = still active) as a date far in the future, so intervals intersect
    with plain least()/greatest(). -#}
{% macro open_einde() -%}
    cast('9999-12-31' as date)
{%- endmacro %}
