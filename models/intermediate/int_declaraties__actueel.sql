{#-
    The current state of every Zvw claim line: D lines that no C line reverses.
    A view, not a table (the yml says why): each reader pays the anti join of the reversals
    (seconds at scale 0.1), where copying every claim line into a table cost ~90 s per build.
-#}
{{ config(materialized='view') }}

-- Every claim line that has been reversed (a C line names it as its original; same insurer).
with tegengeboekt as (

    select distinct
        uzovi,
        origineel_regel_id as regel_id
    from {{ ref('stg_zvw_declaraties__declaraties') }}
    where debet_credit = 'C'

)

select
    debet.regel_id,
    debet.persoon_id,
    debet.zorgstroom,
    debet.prestatiecode,
    debet.atc_code,
    debet.ddd,
    debet.diagnosecode,
    debet.begindatum,
    debet.einddatum,
    debet.aantal,
    debet.bedrag,
    debet.declarant_agb,
    debet.zorgverlener_agb,
    debet.verwerkingsdatum,
    debet.verwerkingsmaand,
    debet.aanlevering_id,
    cast(extract(year from debet.begindatum) as {{ dbt.type_int() }}) as behandeljaar,
    debet.uzovi,
    {{ year_month('debet.begindatum') }} as behandelmaand
from {{ ref('stg_zvw_declaraties__declaraties') }} as debet
left join tegengeboekt
    on
        debet.uzovi = tegengeboekt.uzovi
        and debet.regel_id = tegengeboekt.regel_id
where
    debet.debet_credit = 'D'
    and tegengeboekt.regel_id is null
