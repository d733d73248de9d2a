{#-
    FKG membership per person and year: a person has FKG x in year y when the DDD dispensed to them
    in y (current pharmacy claim lines, int_declaraties__actueel, by treatment year) of the ATC codes
    of x (seed atc_fkg: the code starts with the FKG's atc_prefix) reaches the FKG's ddd_drempel.
    The one place of this rule. Rules in the yml.
-#}
with fkg as (

    select
        fkg_code,
        atc_prefix,
        ddd_drempel
    from {{ ref('atc_fkg') }}

),

verstrekkingen as (

    select
        declaraties.behandeljaar as jaar,
        declaraties.persoon_id,
        fkg.fkg_code,
        fkg.ddd_drempel,
        declaraties.ddd
    from {{ ref('int_declaraties__actueel') }} as declaraties
    inner join fkg
        on declaraties.atc_code like {{ dbt.concat(['fkg.atc_prefix', "'%'"]) }}
    where declaraties.atc_code is not null and declaraties.ddd is not null

)

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    persoon_id,
    fkg_code as fkg,
    cast(sum(ddd) as decimal(14, 2)) as ddd
from verstrekkingen
group by jaar, persoon_id, fkg_code
having sum(ddd) >= max(ddd_drempel)
