{#- Gemeentezorgspiegel: inhabitants per year, region and age group, suppressed by the one rule of
    macro gzs_onderdrukking (categories: the age groups add up to '(alle)'). The population every
    per-inhabitant figure of the other marts divides by. Rules in the yml. -#}
with cellen as (

    select *
    from {{ ref('int_gemeentezorgspiegel__cellen_inwoners') }}

),

{{ gzs_onderdrukking('cellen', ['jaar'], [], 'leeftijdsgroep', '(alle)') }}

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(niveau as {{ dbt.type_string() }}) as niveau,
    cast(regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(leeftijdsgroep as {{ dbt.type_string() }}) as leeftijdsgroep,
    cast(aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    is_onderdrukt
from gzs_onderdrukt
