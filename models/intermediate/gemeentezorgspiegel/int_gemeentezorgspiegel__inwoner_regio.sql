{#-
    The inhabitants of the Gemeentezorgspiegel placed in the region hierarchy: one row per
    inhabitant, year and level (nl, gemeente, wijk, buurt) with the region at that level, its
    gemeente and the region one level up. Every topic counts persons through this model, so all
    topics share one notion of inhabitant and one region hierarchy. Rules in the yml.
-#}
with inwoners as (

    select
        jaar,
        persoon_id,
        geslacht,
        leeftijd,
        leeftijdsklasse,
        buurtcode,
        wijkcode,
        gemeentecode
    from {{ ref('int_personen__jaar') }}
    where is_verzekerde_1_juli and gemeentecode is not null

),

niveaus as (

    select 'nl' as niveau
    union all
    select 'gemeente' as niveau
    union all
    select 'wijk' as niveau
    union all
    select 'buurt' as niveau

)

select
    inwoners.jaar,
    inwoners.persoon_id,
    niveaus.niveau,
    case niveaus.niveau
        when 'nl' then 'NL'
        when 'gemeente' then inwoners.gemeentecode
        when 'wijk' then inwoners.wijkcode
        else inwoners.buurtcode
    end as regiocode,
    case when niveaus.niveau != 'nl' then inwoners.gemeentecode end as gemeentecode,
    case niveaus.niveau
        when 'gemeente' then 'NL'
        when 'wijk' then inwoners.gemeentecode
        when 'buurt' then inwoners.wijkcode
    end as bovenliggende_regiocode,
    inwoners.geslacht,
    inwoners.leeftijd,
    inwoners.leeftijdsklasse
from inwoners
cross join niveaus
