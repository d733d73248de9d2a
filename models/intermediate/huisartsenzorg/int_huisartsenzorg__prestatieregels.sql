{#-
    The GP tariff-code lines: every current claim line whose prestatiecode and zorgstroom are a code
    of seed huisarts_prestatiecodes valid on the line's begindatum, with the code's groep and
    kantoortijden. The ONE place of that rule; its readers filter on groep / kantoortijden. Rules in
    the yml.
    A VIEW, not a table: int_declaraties__actueel is itself a view over ~50 M claim lines at scale
    0.1, and GP lines are ~2/3 of them; copying those into a table would cost more than each reader
    pays for the join with the small seed (the readers are tables, the first materialized layer).
-#}
{{ config(materialized='view') }}

with codes as (

    select
        prestatiecode,
        zorgstroom,
        groep,
        kantoortijden,
        geldig_vanaf,
        coalesce(geldig_tot, {{ open_einde() }}) as geldig_tot
    from {{ ref('huisarts_prestatiecodes') }}

)

select
    declaraties.uzovi,
    declaraties.regel_id,
    declaraties.persoon_id,
    declaraties.declarant_agb,
    declaraties.zorgverlener_agb,
    declaraties.zorgstroom,
    declaraties.prestatiecode,
    codes.groep,
    codes.kantoortijden,
    declaraties.begindatum,
    declaraties.behandeljaar,
    declaraties.aantal,
    declaraties.bedrag,
    declaraties.verwerkingsmaand
from {{ ref('int_declaraties__actueel') }} as declaraties
inner join codes
    on
        declaraties.prestatiecode = codes.prestatiecode
        and declaraties.zorgstroom = codes.zorgstroom
        and declaraties.begindatum between codes.geldig_vanaf and codes.geldig_tot
