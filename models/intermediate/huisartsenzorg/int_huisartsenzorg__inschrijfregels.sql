{#-
    The registration-fee lines (inschrijftarief, all-in tariff): the one place of the rule "which
    claim lines are a GP practice's registration fee", with the calendar year and quarter of each.
    Used by the Dashboard huisartsenzorg's patient link (int_huisartsenzorg__inschrijving) and by
    the Praktijkspiegel population (int_praktijkspiegel__populatie). Which lines carry a GP tariff
    code of which groep is the rule of int_huisartsenzorg__prestatieregels. Rules in the yml.
-#}
select
    uzovi,
    regel_id,
    persoon_id,
    declarant_agb,
    zorgverlener_agb,
    prestatiecode,
    begindatum,
    behandeljaar,
    cast(extract(quarter from begindatum) as {{ dbt.type_int() }}) as kwartaal
from {{ ref('int_huisartsenzorg__prestatieregels') }}
where groep in ('inschrijving', 'all_in')
