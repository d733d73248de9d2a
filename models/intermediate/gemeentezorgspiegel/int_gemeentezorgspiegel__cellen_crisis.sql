{#-
    Unsuppressed cells of Crisis GGZ: inhabitants with GGZ crisis care
    (int_gemeentezorgspiegel__crisis_persoon_jaar) per year and region (nl, gemeente): crisis
    patients, crisis treatments, crisis stay days and costs, and both per crisis patient. Rules in
    the yml.
-#}
with cellen as (

    select
        regio.jaar,
        regio.niveau,
        regio.regiocode,
        regio.gemeentecode,
        regio.bovenliggende_regiocode,
        count(distinct crisis.persoon_id) as aantal_personen,
        sum(crisis.crisisbehandelingen) as crisisbehandelingen,
        sum(crisis.verblijfsdagen) as verblijfsdagen,
        sum(crisis.kosten) as kosten
    from {{ ref('int_gemeentezorgspiegel__crisis_persoon_jaar') }} as crisis
    inner join {{ ref('int_gemeentezorgspiegel__inwoner_regio') }} as regio
        on
            crisis.jaar = regio.jaar
            and crisis.persoon_id = regio.persoon_id
    where regio.niveau in ('nl', 'gemeente')
    group by regio.jaar, regio.niveau, regio.regiocode, regio.gemeentecode, regio.bovenliggende_regiocode

)

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(niveau as {{ dbt.type_string() }}) as niveau,
    cast(regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(null as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(crisisbehandelingen as {{ dbt.type_bigint() }}) as crisisbehandelingen,
    cast(verblijfsdagen as {{ dbt.type_bigint() }}) as verblijfsdagen,
    cast(kosten as decimal(18, 2)) as kosten,
    cast(
        {{ quotient_afgerond('crisisbehandelingen', 'aantal_personen', 2) }}
        as decimal(10, 2)
    ) as behandelingen_per_patient,
    cast(
        {{ quotient_afgerond('verblijfsdagen', 'aantal_personen', 2) }}
        as decimal(10, 2)
    ) as verblijfsdagen_per_patient
from cellen
