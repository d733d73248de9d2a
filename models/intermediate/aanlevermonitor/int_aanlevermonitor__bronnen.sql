{#-
    The sources the Aanlevermonitor covers, one row per delivering source (bron) with its cadence,
    rendered from the project's own source definitions (macro am_bronnen: every dbt source with
    config meta cadans), so the cadence is declared once, next to the freshness thresholds.
-#}
{%- set bronnen = am_bronnen() -%}
{%- if execute and not bronnen -%}
    {{ exceptions.raise_compiler_error('no dbt source declares a cadence (config meta cadans)') }}
{%- endif -%}

{% for bron in bronnen -%}
    select
        cast('{{ bron.bron }}' as {{ dbt.type_string() }}) as bron,
        cast('{{ bron.cadans }}' as {{ dbt.type_string() }}) as cadans
    {% if not loop.last %}union all{% endif %}
{% endfor %}
