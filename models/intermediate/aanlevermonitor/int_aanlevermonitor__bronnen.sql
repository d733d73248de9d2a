{#-
    The sources the Aanlevermonitor covers, one row per delivering source (bron) with its cadence
    and whether only the supplier may see its deliveries, rendered from the project's own source
    definitions (macro am_bronnen: every dbt source with config meta cadans), so both are declared
    once, next to the source's freshness thresholds.
-#}
{%- set bronnen = am_bronnen() -%}
{%- if execute and not bronnen -%}
    {{ exceptions.raise_compiler_error('no dbt source declares a cadence (config meta cadans)') }}
{%- endif -%}

{% for bron in bronnen -%}
    select
        cast('{{ bron.bron }}' as {{ dbt.type_string() }}) as bron,
        cast('{{ bron.cadans }}' as {{ dbt.type_string() }}) as cadans,
        {{ 'true' if bron.alleen_voor_leverancier else 'false' }} as is_alleen_voor_leverancier
    {% if not loop.last %}union all{% endif %}
{% endfor %}
