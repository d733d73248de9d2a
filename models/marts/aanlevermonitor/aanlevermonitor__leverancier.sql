{#-
    The Aanlevermonitor per source (bron) and supplier (leverancier): what it delivered, what was
    accepted, quarantined or rejected in the 12 months up to the as-of month, and which periods are
    missing. Rules in int_aanlevermonitor__pogingen, int_aanlevermonitor__verwachte_perioden and
    macro am_leveranciers; definitions in the yml.
-#}

with pogingen as (

    select
        bron,
        leverancier,
        cadans,
        is_alleen_voor_leverancier,
        periode,
        periode_maand,
        status,
        rijen_ontvangen,
        rijen_geladen,
        rijen_quarantaine,
        beeindigd_op,
        peilmaand,
        is_in_venster
    from {{ ref('int_aanlevermonitor__pogingen') }}

),

verwachte_perioden as (

    select
        bron,
        leverancier,
        periode_eindmaand,
        periode,
        is_geleverd
    from {{ ref('int_aanlevermonitor__verwachte_perioden') }}

),

-- The freshness rule of the sources, applied to the attempts up to the as-of month.
{{ am_leveranciers('pogingen') }},

per_leverancier as (

    select
        bron,
        leverancier,
        cadans,
        is_alleen_voor_leverancier,
        peilmaand,
        max(case when {{ am_geaccepteerd('status') }} then periode end) as laatste_periode,
        sum(case when is_in_venster and status = 'geaccepteerd' then 1 else 0 end) as aanleveringen_geaccepteerd,
        sum(case when is_in_venster and status = 'geaccepteerd_met_quarantaine' then 1 else 0 end)
            as aanleveringen_met_quarantaine,
        sum(case when is_in_venster and status = 'afgewezen' then 1 else 0 end) as aanleveringen_afgewezen,
        sum(case when is_in_venster and status = 'overgeslagen' then 1 else 0 end) as aanleveringen_overgeslagen,
        sum(case when is_in_venster and {{ am_geaccepteerd('status') }} then rijen_geladen else 0 end) as rijen_geladen,
        sum(case when is_in_venster and {{ am_geaccepteerd('status') }} then rijen_quarantaine else 0 end)
            as rijen_quarantaine,
        sum(case when is_in_venster and status = 'afgewezen' then rijen_ontvangen else 0 end) as rijen_afgewezen,
        sum(case when periode_maand is null then 1 else 0 end) as pogingen_zonder_periode
    from pogingen
    group by bron, leverancier, cadans, is_alleen_voor_leverancier, peilmaand

),

perioden as (

    select
        bron,
        leverancier,
        count(*) as verwachte_perioden,
        sum(case when is_geleverd then 0 else 1 end) as ontbrekende_perioden,
        max(periode_eindmaand) as laatste_verwachte_eindmaand,
        max(case when is_geleverd then periode_eindmaand end) as laatste_geleverde_eindmaand
    from verwachte_perioden
    group by bron, leverancier

),

ontbrekend as (

    select
        bron,
        leverancier,
        {{ dbt.listagg("periode", "', '", "order by periode_eindmaand") }} as ontbrekende_perioden_lijst
    from verwachte_perioden
    where not is_geleverd
    group by bron, leverancier

)

select
    cast(per_leverancier.bron as {{ dbt.type_string() }}) as bron,
    cast(per_leverancier.leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(per_leverancier.cadans as {{ dbt.type_string() }}) as cadans,
    -- Only the supplier (a gemeente, for Jeugdwet) may see the row; null: everybody.
    cast(
        case when per_leverancier.is_alleen_voor_leverancier then per_leverancier.leverancier end
        as {{ dbt.type_string() }}
    ) as zichtbaar_voor_gemeentecode,
    cast({{ am_maand_tekst('per_leverancier.peilmaand') }} as {{ dbt.type_string() }}) as peilmaand,
    cast(per_leverancier.laatste_periode as {{ dbt.type_string() }}) as laatste_periode,
    {{ am_utc_datum('am_leveranciers.laatste_periode_ontvangen_op') }} as laatste_periode_ontvangen_op,
    coalesce(am_leveranciers.is_verwacht, false) as is_verwacht,
    coalesce(perioden.laatste_geleverde_eindmaand = perioden.laatste_verwachte_eindmaand, false) as is_actueel,
    cast(coalesce(perioden.verwachte_perioden, 0) as {{ dbt.type_int() }}) as verwachte_perioden,
    cast(coalesce(perioden.ontbrekende_perioden, 0) as {{ dbt.type_int() }}) as ontbrekende_perioden,
    cast(ontbrekend.ontbrekende_perioden_lijst as {{ dbt.type_string() }}) as ontbrekende_perioden_lijst,
    cast(per_leverancier.aanleveringen_geaccepteerd as {{ dbt.type_int() }}) as aanleveringen_geaccepteerd,
    cast(per_leverancier.aanleveringen_met_quarantaine as {{ dbt.type_int() }}) as aanleveringen_met_quarantaine,
    cast(per_leverancier.aanleveringen_afgewezen as {{ dbt.type_int() }}) as aanleveringen_afgewezen,
    cast(per_leverancier.aanleveringen_overgeslagen as {{ dbt.type_int() }}) as aanleveringen_overgeslagen,
    cast(per_leverancier.rijen_geladen as {{ dbt.type_bigint() }}) as rijen_geladen,
    cast(per_leverancier.rijen_quarantaine as {{ dbt.type_bigint() }}) as rijen_quarantaine,
    cast(per_leverancier.rijen_afgewezen as {{ dbt.type_bigint() }}) as rijen_afgewezen,
    cast(per_leverancier.pogingen_zonder_periode as {{ dbt.type_int() }}) as pogingen_zonder_periode
from per_leverancier
left join am_leveranciers
    on
        per_leverancier.bron = am_leveranciers.bron
        and per_leverancier.leverancier = am_leveranciers.leverancier
left join perioden
    on
        per_leverancier.bron = perioden.bron
        and per_leverancier.leverancier = perioden.leverancier
left join ontbrekend
    on
        per_leverancier.bron = ontbrekend.bron
        and per_leverancier.leverancier = ontbrekend.leverancier
