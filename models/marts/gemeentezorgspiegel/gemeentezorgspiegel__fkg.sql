{#- Gemeentezorgspiegel, FKG verdeelmodel: inhabitants with medication for a chronic or a
    psychological condition (FKG) per year, region, FKG soort and FKG, with the national figure.
    Suppressed by the one rule of macro gzs_onderdrukking (regions; the FKGs overlap and add no
    equation); a cell whose population is suppressed is suppressed too. Rules in the yml. -#}
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
    from {{ ref('int_gemeentezorgspiegel__cellen_fkg') }} as cellen
    left join inwoners
        on
            cellen.jaar = inwoners.jaar
            and cellen.regiocode = inwoners.regiocode

),

{{ gzs_onderdrukking(
    'cellen', ['jaar', 'fkg_soort', 'fkg_code'], ['personen_per_1000_inwoners'], forceer='inwoners_onderdrukt'
) }},

nederland as (

    select
        jaar,
        fkg_soort,
        fkg_code,
        personen_per_1000_inwoners
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
    cast(cel.fkg_soort as {{ dbt.type_string() }}) as fkg_soort,
    cast(cel.fkg_code as {{ dbt.type_string() }}) as fkg_code,
    cast(cel.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cel.personen_per_1000_inwoners as decimal(14, 1)) as personen_per_1000_inwoners,
    cast(case when not cel.is_onderdrukt then nederland.personen_per_1000_inwoners end as decimal(14, 1))
        as landelijk_personen_per_1000_inwoners,
    cel.is_onderdrukt
from gzs_onderdrukt as cel
left join nederland
    on
        cel.jaar = nederland.jaar
        and cel.fkg_soort = nederland.fkg_soort
        and cel.fkg_code = nederland.fkg_code
