{#- The one rule for "active on a date" in the AGB register products: a row of
    int_agb__zorgverlener_vestiging or int_agb__ondernemingen counts on peildatum when
    geldig_van <= peildatum <= geldig_tot, where geldig_tot null means still open. Both ends
    are inclusive (the register's einddatum is the last active day).
    relation_alias: the table alias in the query (or none for unqualified columns);
    peildatum: a SQL expression, e.g. "date '2023-01-01'" or a column.
    Example: where {{ agb_actief_op('zv', make_date('p.jaar', 1, 1)) }} -#}
{% macro agb_actief_op(relation_alias, peildatum) -%}
    {%- set prefix = (relation_alias ~ '.') if relation_alias else '' -%}
    ({{ prefix }}geldig_van <= {{ peildatum }}
        and ({{ prefix }}geldig_tot is null or {{ prefix }}geldig_tot >= {{ peildatum }}))
{%- endmacro %}
