{#-
    Care use of the Gemeentezorgspiegel summed per year, buurt (with its wijk and gemeente), age
    class, sex, domain and category: the one place where persons are placed where they live and
    counted. int_gemeentezorgspiegel__cellen_zorggebruik rolls these sums up to wijk, gemeente and
    the country and standardises from them, so tens of millions of person rows are joined once, not
    once per level. Rules in the yml.
-#}
with gebruik as (

    select
        jaar,
        persoon_id,
        domein,
        categorie,
        aanleverende_gemeentecode,
        kosten
    from {{ ref('int_gemeentezorgspiegel__zorggebruik_persoon') }}

),

gebruik_met_totaal as (

    select * from gebruik

    union all

    select
        jaar,
        persoon_id,
        domein,
        '(totaal)' as categorie,
        aanleverende_gemeentecode,
        sum(kosten) as kosten
    from gebruik
    group by jaar, persoon_id, domein, aanleverende_gemeentecode

),

-- Every inhabitant has exactly one buurt row per year (int_gemeentezorgspiegel__inwoner_regio places
-- each inhabitant at every level), whose wijk and gemeente are the inhabitant's.
woonplaats as (

    select
        jaar,
        persoon_id,
        regiocode as buurtcode,
        bovenliggende_regiocode as wijkcode,
        gemeentecode,
        leeftijdsklasse,
        geslacht
    from {{ ref('int_gemeentezorgspiegel__inwoner_regio') }}
    where niveau = 'buurt'

)

-- Data a gemeente delivered (Jeugdwet) counts only for its own inhabitants, in rows only that
-- gemeente may see. A person is at most once per row: one buurt per year, and one row per domain,
-- category and delivering gemeente in the care use (whose categories are never '(totaal)'), so
-- count() counts distinct persons.
select
    cast(woonplaats.jaar as {{ dbt.type_int() }}) as jaar,
    cast(woonplaats.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(woonplaats.wijkcode as {{ dbt.type_string() }}) as wijkcode,
    cast(woonplaats.buurtcode as {{ dbt.type_string() }}) as buurtcode,
    cast(
        case when gebruik.aanleverende_gemeentecode is not null then woonplaats.gemeentecode end
        as {{ dbt.type_string() }}
    ) as zichtbaar_voor_gemeentecode,
    cast(woonplaats.leeftijdsklasse as {{ dbt.type_string() }}) as leeftijdsklasse,
    cast(woonplaats.geslacht as {{ dbt.type_string() }}) as geslacht,
    cast(gebruik.domein as {{ dbt.type_string() }}) as domein,
    cast(gebruik.categorie as {{ dbt.type_string() }}) as categorie,
    cast(count(gebruik.persoon_id) as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(coalesce(sum(gebruik.kosten), 0) as decimal(18, 2)) as kosten
from gebruik_met_totaal as gebruik
inner join woonplaats
    on
        gebruik.jaar = woonplaats.jaar
        and gebruik.persoon_id = woonplaats.persoon_id
where
    gebruik.aanleverende_gemeentecode is null
    or gebruik.aanleverende_gemeentecode = woonplaats.gemeentecode
group by
    woonplaats.jaar,
    woonplaats.gemeentecode,
    woonplaats.wijkcode,
    woonplaats.buurtcode,
    case when gebruik.aanleverende_gemeentecode is not null then woonplaats.gemeentecode end,
    woonplaats.leeftijdsklasse,
    woonplaats.geslacht,
    gebruik.domein,
    gebruik.categorie
