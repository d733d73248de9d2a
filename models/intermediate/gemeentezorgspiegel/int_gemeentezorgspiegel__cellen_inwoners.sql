{#-
    Unsuppressed cells of the population: inhabitants per year, region (nl, gemeente, wijk, buurt)
    and age group ((alle), 0-17, 18+). The denominator of every per-inhabitant ratio of the
    Gemeentezorgspiegel. Rules in the yml.
-#}
with inwoners as (

    select
        jaar,
        niveau,
        regiocode,
        gemeentecode,
        bovenliggende_regiocode,
        persoon_id,
        case when leeftijd >= 18 then '18+' else '0-17' end as leeftijdsgroep
    from {{ ref('int_gemeentezorgspiegel__inwoner_regio') }}

),

groepen as (

    select
        jaar,
        niveau,
        regiocode,
        gemeentecode,
        bovenliggende_regiocode,
        '(alle)' as leeftijdsgroep,
        count(distinct persoon_id) as aantal_personen
    from inwoners
    group by jaar, niveau, regiocode, gemeentecode, bovenliggende_regiocode

    union all

    select
        jaar,
        niveau,
        regiocode,
        gemeentecode,
        bovenliggende_regiocode,
        leeftijdsgroep,
        count(distinct persoon_id) as aantal_personen
    from inwoners
    group by jaar, niveau, regiocode, gemeentecode, bovenliggende_regiocode, leeftijdsgroep

)

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(niveau as {{ dbt.type_string() }}) as niveau,
    cast(regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(null as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(leeftijdsgroep as {{ dbt.type_string() }}) as leeftijdsgroep,
    cast(aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen
from groepen
