{#- The rows of the latest delivery per (leverancier, period) of a staging model whose deliveries
    each hold a whole period (Wlz per zorgkantoor and month, Wmo per year, Jeugdwet per gemeente and
    year, GGZ waiting times per provider and month). A correction of a period is a new delivery of
    the whole period (a higher volgnummer in the aanlevering_id <bron>-<leverancier>-<periode>-<nnn>),
    so it replaces the earlier one instead of adding to it. periode: the staging column of the
    period (leveringsmaand, leveringsjaar). Renders a SELECT of the model's columns. -#}
{% macro laatste_aanlevering(staging_model, periode) -%}
    select aanlevering.*
    from {{ ref(staging_model) }} as aanlevering
    inner join (
        select max(laatste.aanlevering_id) as aanlevering_id
        from {{ ref(staging_model) }} as laatste
        group by laatste.leverancier, laatste.{{ periode }}
    ) as laatste
        on aanlevering.aanlevering_id = laatste.aanlevering_id
{%- endmacro %}
