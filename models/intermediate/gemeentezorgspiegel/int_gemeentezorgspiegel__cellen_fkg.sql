{#-
    Unsuppressed cells of the FKG verdeelmodel: inhabitants with medication for a chronic
    (somatisch) or a psychological (psychisch) condition per year, region (nl, gemeente, wijk), FKG
    soort and FKG (int_farmacie__fkg_persoon_jaar), with totals '(alle)'. Rules in the yml.
-#}
with fkg as (

    select
        personen.jaar,
        personen.persoon_id,
        groepen.soort as fkg_soort,
        personen.fkg as fkg_code
    from {{ ref('int_farmacie__fkg_persoon_jaar') }} as personen
    inner join {{ ref('atc_fkg') }} as groepen
        on personen.fkg = groepen.fkg_code

),

feiten as (

    select
        jaar,
        persoon_id,
        fkg_soort,
        fkg_code
    from fkg

    union all

    select distinct
        jaar,
        persoon_id,
        fkg_soort,
        '(alle)' as fkg_code
    from fkg

    union all

    select distinct
        jaar,
        persoon_id,
        '(alle)' as fkg_soort,
        '(alle)' as fkg_code
    from fkg

),

cellen as (

    select
        regio.jaar,
        regio.niveau,
        regio.regiocode,
        regio.gemeentecode,
        regio.bovenliggende_regiocode,
        feiten.fkg_soort,
        feiten.fkg_code,
        count(distinct feiten.persoon_id) as aantal_personen
    from feiten
    inner join {{ ref('int_gemeentezorgspiegel__inwoner_regio') }} as regio
        on
            feiten.jaar = regio.jaar
            and feiten.persoon_id = regio.persoon_id
    where regio.niveau in ('nl', 'gemeente', 'wijk')
    group by
        regio.jaar, regio.niveau, regio.regiocode, regio.gemeentecode, regio.bovenliggende_regiocode,
        feiten.fkg_soort, feiten.fkg_code

)

select
    cast(cellen.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cellen.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cellen.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cellen.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cellen.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(null as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cellen.fkg_soort as {{ dbt.type_string() }}) as fkg_soort,
    cast(cellen.fkg_code as {{ dbt.type_string() }}) as fkg_code,
    cast(cellen.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(
        {{ quotient_afgerond('1000 * cellen.aantal_personen', 'inwoners.aantal_personen', 1) }}
        as decimal(14, 1)
    ) as personen_per_1000_inwoners
from cellen
inner join {{ ref('int_gemeentezorgspiegel__cellen_inwoners') }} as inwoners
    on
        cellen.jaar = inwoners.jaar
        and cellen.regiocode = inwoners.regiocode
        and inwoners.leeftijdsgroep = '(alle)'
