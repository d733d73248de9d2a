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

    {{ gzs_niveaus() }}

)

select
    inwoners.jaar,
    inwoners.persoon_id,
    niveaus.niveau,
    {{ gzs_regio_op_niveau('inwoners') }},
    inwoners.geslacht,
    inwoners.leeftijd,
    inwoners.leeftijdsklasse
from inwoners
cross join niveaus
