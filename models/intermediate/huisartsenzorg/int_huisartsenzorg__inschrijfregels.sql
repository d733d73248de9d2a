{#-
    The registration-fee lines (inschrijftarief, all-in tariff): the one place of the rule "which
    claim lines are a GP practice's registration fee", with the calendar year and quarter of each.
    Used by the Dashboard huisartsenzorg's patient link (int_huisartsenzorg__inschrijving) and by
    the Praktijkspiegel population (int_praktijkspiegel__populatie). Rules in the yml.
-#}
with tarieven as (

    select
        prestatiecode,
        zorgstroom,
        geldig_vanaf,
        coalesce(geldig_tot, {{ open_einde() }}) as geldig_tot
    from {{ ref('huisarts_prestatiecodes') }}
    where groep in ('inschrijving', 'all_in')

)

select
    declaraties.uzovi,
    declaraties.regel_id,
    declaraties.persoon_id,
    declaraties.declarant_agb,
    declaraties.zorgverlener_agb,
    declaraties.prestatiecode,
    declaraties.begindatum,
    declaraties.behandeljaar,
    cast(extract(quarter from declaraties.begindatum) as {{ dbt.type_int() }}) as kwartaal
from {{ ref('int_declaraties__actueel') }} as declaraties
inner join tarieven
    on
        declaraties.prestatiecode = tarieven.prestatiecode
        and declaraties.zorgstroom = tarieven.zorgstroom
        and declaraties.begindatum between tarieven.geldig_vanaf and tarieven.geldig_tot
