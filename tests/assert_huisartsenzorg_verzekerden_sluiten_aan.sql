-- Dashboard huisartsenzorg: the insured reconcile. Nationally, ingeschreven_patienten +
-- niet_ingeschreven_verzekerden = verzekerden (every linked patient counted is an insured person).
-- Per classification, the regions (by residence) add up to the national verzekerden and
-- niet_ingeschreven_verzekerden, and the regional patients (by practice) to at most the national
-- number (a practice without a region counts only nationally). Returns the rows that do not hold.
with nationaal as (

    select
        jaar,
        verzekerden,
        ingeschreven_patienten,
        niet_ingeschreven_verzekerden
    from {{ ref('huisartsenzorg__regio_jaar') }}
    where regio_indeling = 'nederland'

),

regionaal as (

    select
        jaar,
        regio_indeling,
        sum(verzekerden) as verzekerden,
        sum(ingeschreven_patienten) as ingeschreven_patienten,
        sum(niet_ingeschreven_verzekerden) as niet_ingeschreven_verzekerden
    from {{ ref('huisartsenzorg__regio_jaar') }}
    where regio_indeling != 'nederland'
    group by jaar, regio_indeling

)

select
    nationaal.jaar,
    'nederland' as regio_indeling,
    nationaal.verzekerden,
    nationaal.ingeschreven_patienten,
    nationaal.niet_ingeschreven_verzekerden
from nationaal
where nationaal.ingeschreven_patienten + nationaal.niet_ingeschreven_verzekerden != nationaal.verzekerden

union all

select
    regionaal.jaar,
    regionaal.regio_indeling,
    regionaal.verzekerden,
    regionaal.ingeschreven_patienten,
    regionaal.niet_ingeschreven_verzekerden
from regionaal
inner join nationaal
    on regionaal.jaar = nationaal.jaar
where
    regionaal.verzekerden != nationaal.verzekerden
    or regionaal.niet_ingeschreven_verzekerden != nationaal.niet_ingeschreven_verzekerden
    or regionaal.ingeschreven_patienten > nationaal.ingeschreven_patienten
