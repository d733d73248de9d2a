-- Dashboard huisartsenzorg: a GP counts once per region and once nationally, so per year and
-- classification the national number of GPs lies between the largest regional number and the sum
-- of the regional numbers. Returns the (jaar, regio_indeling) where it does not.
with regionaal as (

    select
        jaar,
        regio_indeling,
        sum(huisartsen) as som_huisartsen,
        max(huisartsen) as max_huisartsen
    from {{ ref('huisartsenzorg__regio_jaar') }}
    where regio_indeling != 'nederland'
    group by jaar, regio_indeling

),

nationaal as (

    select
        jaar,
        huisartsen
    from {{ ref('huisartsenzorg__regio_jaar') }}
    where regio_indeling = 'nederland'

)

select
    regionaal.jaar,
    regionaal.regio_indeling,
    nationaal.huisartsen,
    regionaal.som_huisartsen,
    regionaal.max_huisartsen
from regionaal
inner join nationaal
    on regionaal.jaar = nationaal.jaar
where
    nationaal.huisartsen > regionaal.som_huisartsen
    or nationaal.huisartsen < regionaal.max_huisartsen
