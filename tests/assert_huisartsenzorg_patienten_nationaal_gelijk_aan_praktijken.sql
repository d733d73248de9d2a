-- Dashboard huisartsenzorg: patients add up from practices to the country. Per year, the national
-- ingeschreven_patienten of huisartsenzorg__regio_jaar equals the sum over the practices in
-- huisartsenzorg__praktijk_jaar, and the national patients and GPs of huisartsenzorg__leeftijd
-- equal those of huisartsenzorg__regio_jaar. Returns the years that do not add up.
with praktijken as (

    select
        jaar,
        sum(ingeschreven_patienten) as patienten
    from {{ ref('huisartsenzorg__praktijk_jaar') }}
    group by jaar

),

leeftijd as (

    select
        jaar,
        sum(ingeschreven_patienten) as patienten,
        sum(huisartsen) as huisartsen
    from {{ ref('huisartsenzorg__leeftijd') }}
    where regio_indeling = 'nederland'
    group by jaar

),

nationaal as (

    select
        jaar,
        ingeschreven_patienten,
        huisartsen
    from {{ ref('huisartsenzorg__regio_jaar') }}
    where regio_indeling = 'nederland'

)

select
    nationaal.jaar,
    nationaal.ingeschreven_patienten,
    praktijken.patienten as patienten_som_praktijken,
    leeftijd.patienten as patienten_som_leeftijd,
    nationaal.huisartsen,
    leeftijd.huisartsen as huisartsen_som_leeftijd
from nationaal
left join praktijken
    on nationaal.jaar = praktijken.jaar
left join leeftijd
    on nationaal.jaar = leeftijd.jaar
where
    nationaal.ingeschreven_patienten != coalesce(praktijken.patienten, 0)
    or nationaal.ingeschreven_patienten != coalesce(leeftijd.patienten, 0)
    or nationaal.huisartsen != coalesce(leeftijd.huisartsen, 0)
