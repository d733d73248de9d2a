{#-
    Every ingest attempt of a delivery of a monitored source, placed in time against the monitor's
    as-of month (peilmaand). Rules in the yml.
-#}
{%- set peilmaand = am_peilmaand() -%}

with bronnen as (

    select
        bron,
        cadans,
        is_alleen_voor_leverancier
    from {{ ref('int_aanlevermonitor__bronnen') }}

),

aanleverlog as (

    select
        poging_id,
        bron,
        leverancier,
        periode,
        status,
        rijen_ontvangen,
        rijen_geladen,
        rijen_quarantaine,
        beeindigd_op
    from {{ ref('stg_ingest__aanleverlog') }}

),

-- Attempts of a source the monitor knows, from a supplier the manifest names (without a readable
-- manifest an attempt belongs to no source and supplier).
pogingen as (

    select
        aanleverlog.poging_id,
        aanleverlog.bron,
        aanleverlog.leverancier,
        bronnen.cadans,
        bronnen.is_alleen_voor_leverancier,
        aanleverlog.periode,
        {{ am_periode_maand('aanleverlog.periode') }} as periode_maand,
        aanleverlog.status,
        aanleverlog.rijen_ontvangen,
        aanleverlog.rijen_geladen,
        aanleverlog.rijen_quarantaine,
        aanleverlog.beeindigd_op
    from aanleverlog
    inner join bronnen
        on aanleverlog.bron = bronnen.bron
    where aanleverlog.leverancier is not null

),

peil as (

    {% if peilmaand -%}
        select {{ am_periode_maand("'" ~ peilmaand ~ "'") }} as peilmaand
    {%- else -%}
        -- The latest period of an accepted delivery; before anything was accepted, of any attempt.
        select
            coalesce(
                max(case when {{ am_geaccepteerd('status') }} then periode_maand end), max(periode_maand)
            ) as peilmaand
        from pogingen
    {%- endif %}

)

select
    pogingen.poging_id,
    pogingen.bron,
    pogingen.leverancier,
    pogingen.cadans,
    pogingen.is_alleen_voor_leverancier,
    pogingen.periode,
    pogingen.periode_maand,
    -- The cadence period the delivery belongs to, by its last month: its own month for a monthly
    -- source, December of its year for a yearly one.
    case
        when pogingen.cadans = 'jaar' then cast(floor(pogingen.periode_maand / 12) as {{ dbt.type_int() }}) * 12 + 11
        else pogingen.periode_maand
    end as periode_eindmaand,
    pogingen.status,
    pogingen.rijen_ontvangen,
    pogingen.rijen_geladen,
    pogingen.rijen_quarantaine,
    pogingen.beeindigd_op,
    peil.peilmaand,
    coalesce(
        pogingen.periode_maand between peil.peilmaand - {{ am_venster_maanden() - 1 }} and peil.peilmaand, false
    ) as is_in_venster
from pogingen
cross join peil
where
    peil.peilmaand is not null
    and (pogingen.periode_maand is null or pogingen.periode_maand <= peil.peilmaand)
