-- The Aanlevermonitor's sources and cadences are those of the delivery spec
-- (../shared/spec/deliveries.md): monthly claims, Wlz and GGZ waiting times; yearly insured persons,
-- Wmo, Jeugdwet and the AGB snapshot; only Jeugdwet visible to its supplier alone. They are read
-- from the dbt sources' config meta (int_aanlevermonitor__bronnen), which also sets each source's
-- freshness thresholds, so a source without a cadence or with the wrong one fails here.
-- Returns the rows that differ; no rows = pass.
with spec as (

    {% for bron, cadans, alleen in [
        ('agb_register', 'jaar', false), ('ggz_wachttijden', 'maand', false),
        ('jeugdwet_trajecten', 'jaar', true), ('wlz_zorg', 'maand', false),
        ('wmo_voorzieningen', 'jaar', false), ('zvw_declaraties', 'maand', false),
        ('zvw_verzekerden', 'jaar', false)
    ] -%}
        select
            '{{ bron }}' as bron,
            '{{ cadans }}' as cadans,
            {{ alleen }} as is_alleen_voor_leverancier
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

bronnen as (

    select
        bron,
        cadans,
        is_alleen_voor_leverancier
    from {{ ref('int_aanlevermonitor__bronnen') }}

),

ontbreekt as (

    select * from spec
    except
    select * from bronnen

),

onverwacht as (

    select * from bronnen
    except
    select * from spec

)

select
    'ontbreekt' as verschil,
    bron,
    cadans,
    is_alleen_voor_leverancier
from ontbreekt

union all

select
    'onverwacht' as verschil,
    bron,
    cadans,
    is_alleen_voor_leverancier
from onverwacht
