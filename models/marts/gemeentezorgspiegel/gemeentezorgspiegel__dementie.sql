{#- Gemeentezorgspiegel, Dementie: inhabitants with dementia living at home per year, region and
    domain ('(alle)', zvw, wlz, wmo) - number, users per 1,000 inhabitants, costs and costs per
    person - with the national figures. Suppressed by the one rule of macro gzs_onderdrukking
    (regions, and the domains whose costs add up to '(alle)'); a cell whose population is suppressed
    is suppressed too. Rules in the yml. -#}
{%- set maten = ['kosten', 'kosten_per_gebruiker', 'gebruikers_per_1000_inwoners'] -%}

with inwoners as (

    select
        jaar,
        regiocode,
        is_onderdrukt
    from {{ ref('gemeentezorgspiegel__inwoners') }}
    where leeftijdsgroep = '(alle)'

),

cellen as (

    select
        cellen.*,
        coalesce(inwoners.is_onderdrukt, true) as inwoners_onderdrukt
    from {{ ref('int_gemeentezorgspiegel__cellen_dementie') }} as cellen
    left join inwoners
        on
            cellen.jaar = inwoners.jaar
            and cellen.regiocode = inwoners.regiocode

),

{{ gzs_onderdrukking('cellen', ['jaar'], maten, 'domein', '(alle)', forceer='inwoners_onderdrukt') }},

nederland as (

    select
        jaar,
        domein,
        kosten_per_gebruiker,
        gebruikers_per_1000_inwoners
    from gzs_onderdrukt
    where niveau = 'nl'

)

select
    cast(cel.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cel.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cel.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cel.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cel.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(cel.zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cel.domein as {{ dbt.type_string() }}) as domein,
    cast(cel.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cel.kosten as decimal(18, 2)) as kosten,
    cast(cel.kosten_per_gebruiker as decimal(14, 2)) as kosten_per_gebruiker,
    cast(cel.gebruikers_per_1000_inwoners as decimal(14, 1)) as gebruikers_per_1000_inwoners,
    cast(case when not cel.is_onderdrukt then nederland.kosten_per_gebruiker end as decimal(14, 2))
        as landelijk_kosten_per_gebruiker,
    cast(case when not cel.is_onderdrukt then nederland.gebruikers_per_1000_inwoners end as decimal(14, 1))
        as landelijk_gebruikers_per_1000_inwoners,
    cel.is_onderdrukt
from gzs_onderdrukt as cel
left join nederland
    on
        cel.jaar = nederland.jaar
        and cel.domein = nederland.domein
