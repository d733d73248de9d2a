-- The mart adds up to the classified claim lines: the same number of lines, amount and deviating
-- lines in total. Returns a row when they differ; no rows = pass.
with regels as (

    select
        count(*) as aantal_declaraties,
        coalesce(sum(bedrag), 0) as bedrag,
        sum(case when is_afwijkend then 1 else 0 end) as aantal_afwijkend
    from {{ ref('int_zorginkoop__moduleregels') }}

),

mart as (

    select
        sum(aantal_declaraties) as aantal_declaraties,
        coalesce(sum(bedrag), 0) as bedrag,
        sum(aantal_afwijkend) as aantal_afwijkend
    from {{ ref('zorginkoop__huisartsen_modules') }}

)

select
    regels.aantal_declaraties as regels_aantal,
    mart.aantal_declaraties as mart_aantal,
    regels.bedrag as regels_bedrag,
    mart.bedrag as mart_bedrag
from regels
cross join mart
where
    coalesce(regels.aantal_declaraties, 0) <> coalesce(mart.aantal_declaraties, 0)
    or regels.bedrag <> mart.bedrag
    or coalesce(regels.aantal_afwijkend, 0) <> coalesce(mart.aantal_afwijkend, 0)
