-- Praktijkspiegel, indirect standardisation: per year and measure the expected totals of all
-- practices add up to the actual total nationally (verwacht_nederland), and per region the expected
-- totals of the region's practices add up to the region's actual total (verwacht_regio) - a property
-- of the method that fails when a group, a region or a patient is lost or counted twice. Returns the
-- (year, region or NL, measure) combinations that do not add up (relative tolerance 1e-9).
with nationaal as (

    select
        jaar,
        'NL' as niveau,
        maat,
        sum(waarde) as waarde,
        sum(verwacht_nederland) as verwacht
    from {{ ref('int_praktijkspiegel__verwacht') }}
    group by jaar, maat

),

regionaal as (

    select
        jaar,
        regiocode as niveau,
        maat,
        sum(waarde) as waarde,
        sum(verwacht_regio) as verwacht
    from {{ ref('int_praktijkspiegel__verwacht') }}
    where regiocode is not null
    group by jaar, regiocode, maat

),

samen as (

    select * from nationaal
    union all
    select * from regionaal

)

select *
from samen
where abs(verwacht - waarde) > 1e-9 * greatest(1, abs(waarde))
