{#-
    The Praktijkspiegel population: per report year every (practice, person) with a registration
    fee in Q3, whether the person counts for the practice or why not, and for counted persons the
    standardisation groups (age class, sex, SES-WOA class) and the practice's region. Rules in the yml.
-#}
with jaren as (

    select jaar
    from {{ ref('int_praktijkspiegel__jaren') }}

),

q3_regels as (

    select
        regels.behandeljaar as jaar,
        regels.persoon_id,
        regels.declarant_agb as praktijk_agb,
        regels.zorgverlener_agb
    from {{ ref('int_huisartsenzorg__inschrijfregels') }} as regels
    inner join jaren
        on regels.behandeljaar = jaren.jaar
    where
        regels.kwartaal = 3
        and regels.declarant_agb is not null

),

-- GPs who are active at more than one practice on 1 July (the GP counting rule of the Dashboard
-- huisartsenzorg, var huisarts_kwalificaties).
huisartsen_meerdere_praktijken as (

    select
        jaar,
        zorgverlener_agb
    from {{ ref('int_huisartsenzorg__praktijk_huisartsen') }}
    group by jaar, zorgverlener_agb
    having count(distinct praktijk_agb) > 1

),

per_praktijk as (

    select
        q3_regels.jaar,
        q3_regels.persoon_id,
        q3_regels.praktijk_agb,
        max(case when huisartsen.zorgverlener_agb is not null then 1 else 0 end) as heeft_huisarts_meerdere_praktijken
    from q3_regels
    left join huisartsen_meerdere_praktijken as huisartsen
        on
            q3_regels.jaar = huisartsen.jaar
            and q3_regels.zorgverlener_agb = huisartsen.zorgverlener_agb
    group by q3_regels.jaar, q3_regels.persoon_id, q3_regels.praktijk_agb

),

met_aantal_praktijken as (

    select
        *,
        count(*) over (partition by jaar, persoon_id) as aantal_praktijken
    from per_praktijk

),

met_reden as (

    select
        praktijken.jaar,
        praktijken.praktijk_agb,
        praktijken.persoon_id,
        case
            when praktijken.aantal_praktijken > 1 then 'meerdere_praktijken'
            when praktijken.heeft_huisarts_meerdere_praktijken = 1 then 'huisarts_meerdere_praktijken'
            when not coalesce(personen.is_verzekerde_1_juli, false) then 'geen_verzekerde_1_juli'
        end as uitsluitingsreden,
        personen.geslacht,
        personen.leeftijdsklasse,
        coalesce(ses.ses_woa_klasse, 'onbekend') as ses_woa_klasse
    from met_aantal_praktijken as praktijken
    left join {{ ref('int_personen__jaar') }} as personen
        on
            praktijken.persoon_id = personen.persoon_id
            and praktijken.jaar = personen.jaar
    left join {{ ref('ses_woa_wijk') }} as ses
        on personen.wijkcode = ses.wijkcode

)

select
    met_reden.jaar,
    met_reden.praktijk_agb,
    met_reden.persoon_id,
    met_reden.uitsluitingsreden is null as is_meegeteld,
    met_reden.uitsluitingsreden,
    praktijk.hechte_huisartsenzorg_code as regiocode,
    met_reden.geslacht,
    met_reden.leeftijdsklasse,
    met_reden.ses_woa_klasse
from met_reden
left join {{ ref('int_huisartsenzorg__praktijk_jaar') }} as praktijk
    on
        met_reden.jaar = praktijk.jaar
        and met_reden.praktijk_agb = praktijk.praktijk_agb
