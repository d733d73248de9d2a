{#-
    One row per insured person of the Dashboard huisartsenzorg per year (int_personen__jaar,
    is_verzekerde_1_juli): residence region, the practice the person is linked to (if any) with its
    region, the region the person's patient figures count in, and consults and visits in and
    outside office hours. Rules in the yml.
-#}
with verzekerden as (

    select
        persoon_id,
        jaar,
        geslacht,
        leeftijdsklasse,
        hechte_huisartsenzorg_code,
        arbeidsmarktregio_code
    from {{ ref('int_personen__jaar') }}
    where is_verzekerde_1_juli

),

-- GP tariff-code lines (int_huisartsenzorg__prestatieregels) of groep consult / visite.
contacten as (

    select
        persoon_id,
        behandeljaar as jaar,
        sum(case when groep = 'consult' and kantoortijden = 'binnen' then aantal else 0 end) as consulten_binnen,
        sum(case when groep = 'consult' and kantoortijden = 'buiten' then aantal else 0 end) as consulten_buiten,
        sum(case when groep = 'visite' and kantoortijden = 'binnen' then aantal else 0 end) as visites_binnen,
        sum(case when groep = 'visite' and kantoortijden = 'buiten' then aantal else 0 end) as visites_buiten
    from {{ ref('int_huisartsenzorg__prestatieregels') }}
    where groep in ('consult', 'visite') and kantoortijden in ('binnen', 'buiten')
    group by persoon_id, behandeljaar

)

select
    verzekerden.persoon_id,
    verzekerden.jaar,
    verzekerden.geslacht,
    verzekerden.leeftijdsklasse,
    verzekerden.hechte_huisartsenzorg_code as woon_hechte_huisartsenzorg_code,
    verzekerden.arbeidsmarktregio_code as woon_arbeidsmarktregio_code,
    inschrijving.persoon_id is not null as is_ingeschreven,
    inschrijving.praktijk_agb,
    praktijk.hechte_huisartsenzorg_code as praktijk_hechte_huisartsenzorg_code,
    praktijk.arbeidsmarktregio_code as praktijk_arbeidsmarktregio_code,
    case
        when inschrijving.persoon_id is not null then praktijk.hechte_huisartsenzorg_code
        else verzekerden.hechte_huisartsenzorg_code
    end as patient_hechte_huisartsenzorg_code,
    case
        when inschrijving.persoon_id is not null then praktijk.arbeidsmarktregio_code
        else verzekerden.arbeidsmarktregio_code
    end as patient_arbeidsmarktregio_code,
    cast(coalesce(contacten.consulten_binnen, 0) as {{ dbt.type_bigint() }}) as consulten_binnen,
    cast(coalesce(contacten.consulten_buiten, 0) as {{ dbt.type_bigint() }}) as consulten_buiten,
    cast(coalesce(contacten.visites_binnen, 0) as {{ dbt.type_bigint() }}) as visites_binnen,
    cast(coalesce(contacten.visites_buiten, 0) as {{ dbt.type_bigint() }}) as visites_buiten
from verzekerden
left join {{ ref('int_huisartsenzorg__inschrijving') }} as inschrijving
    on
        verzekerden.persoon_id = inschrijving.persoon_id
        and verzekerden.jaar = inschrijving.jaar
left join {{ ref('int_huisartsenzorg__praktijk_jaar') }} as praktijk
    on
        inschrijving.praktijk_agb = praktijk.praktijk_agb
        and inschrijving.jaar = praktijk.jaar
left join contacten
    on
        verzekerden.persoon_id = contacten.persoon_id
        and verzekerden.jaar = contacten.jaar
