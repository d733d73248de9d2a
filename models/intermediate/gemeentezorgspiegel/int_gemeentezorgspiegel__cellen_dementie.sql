{#-
    Unsuppressed cells of Dementie: inhabitants with dementia who live at home
    (int_gemeentezorgspiegel__dementie_persoon_jaar, is_thuiswonend) per year, region (nl, gemeente,
    wijk) and domain: '(alle)' (all of them, with their costs of the three domains) and zvw, wlz,
    wmo (those who used the domain, with its costs). Never Jeugdwet. Rules in the yml.
-#}
with dementie as (

    select
        jaar,
        persoon_id
    from {{ ref('int_gemeentezorgspiegel__dementie_persoon_jaar') }}
    where is_thuiswonend

),

per_domein as (

    select
        dementie.jaar,
        dementie.persoon_id,
        gebruik.domein,
        sum(gebruik.kosten) as kosten
    from dementie
    inner join {{ ref('int_gemeentezorgspiegel__zorggebruik_persoon') }} as gebruik
        on
            dementie.jaar = gebruik.jaar
            and dementie.persoon_id = gebruik.persoon_id
    where gebruik.domein in ('zvw', 'wlz', 'wmo')
    group by dementie.jaar, dementie.persoon_id, gebruik.domein

),

feiten as (

    select
        jaar,
        persoon_id,
        domein,
        kosten
    from per_domein

    union all

    select
        dementie.jaar,
        dementie.persoon_id,
        '(alle)' as domein,
        sum(per_domein.kosten) as kosten
    from dementie
    left join per_domein
        on
            dementie.jaar = per_domein.jaar
            and dementie.persoon_id = per_domein.persoon_id
    group by dementie.jaar, dementie.persoon_id

),

cellen as (

    select
        regio.jaar,
        regio.niveau,
        regio.regiocode,
        regio.gemeentecode,
        regio.bovenliggende_regiocode,
        feiten.domein,
        count(distinct feiten.persoon_id) as aantal_personen,
        coalesce(sum(feiten.kosten), 0) as kosten
    from feiten
    inner join {{ ref('int_gemeentezorgspiegel__inwoner_regio') }} as regio
        on
            feiten.jaar = regio.jaar
            and feiten.persoon_id = regio.persoon_id
    where regio.niveau in ('nl', 'gemeente', 'wijk')
    group by
        regio.jaar, regio.niveau, regio.regiocode, regio.gemeentecode, regio.bovenliggende_regiocode, feiten.domein

)

select
    cast(cellen.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cellen.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cellen.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cellen.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cellen.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(null as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cellen.domein as {{ dbt.type_string() }}) as domein,
    cast(cellen.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cellen.kosten as decimal(18, 2)) as kosten,
    cast(
        {{ quotient_afgerond('cellen.kosten', 'cellen.aantal_personen', 2) }}
        as decimal(14, 2)
    ) as kosten_per_gebruiker,
    cast(
        {{ quotient_afgerond('1000 * cellen.aantal_personen', 'inwoners.aantal_personen', 1) }}
        as decimal(14, 1)
    ) as gebruikers_per_1000_inwoners
from cellen
inner join {{ ref('int_gemeentezorgspiegel__cellen_inwoners') }} as inwoners
    on
        cellen.jaar = inwoners.jaar
        and cellen.regiocode = inwoners.regiocode
        and inwoners.leeftijdsgroep = '(alle)'
