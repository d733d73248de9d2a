{#-
    FKG membership (farmaceutische kostengroep, chronic medication): one row per person, year and
    FKG whose dispensed defined daily doses reach the FKG's threshold. The one place of that rule.
    Rules in the yml.
-#}
with fkg as (

    select
        fkg_code,
        atc_prefix,
        ddd_drempel
    from {{ ref('atc_fkg') }}

),

regels as (

    select
        persoon_id,
        behandeljaar,
        atc_code,
        ddd
    from {{ ref('int_declaraties__actueel') }}
    where
        zorgstroom = 'farmacie'
        and atc_code is not null
        and ddd is not null

),

per_fkg as (

    select
        regels.behandeljaar as jaar,
        regels.persoon_id,
        fkg.fkg_code as fkg,
        fkg.ddd_drempel,
        sum(regels.ddd) as ddd
    from regels
    inner join fkg
        on substr(regels.atc_code, 1, length(fkg.atc_prefix)) = fkg.atc_prefix
    group by regels.behandeljaar, regels.persoon_id, fkg.fkg_code, fkg.ddd_drempel

)

select
    jaar,
    persoon_id,
    fkg,
    cast(ddd as decimal(14, 2)) as ddd
from per_fkg
where ddd >= ddd_drempel
