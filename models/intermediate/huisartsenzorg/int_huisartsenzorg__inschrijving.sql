{#-
    The Dashboard huisartsenzorg's link of a person to a GP practice per year, from the
    registration fees (inschrijftarief, all-in tariff; int_huisartsenzorg__inschrijfregels) the
    practice declares: Q3 first, then Q1, Q2, Q4, and finally Q1 of the next year for children born
    from 1 October. Rules in the yml.
-#}
with inschrijfregels as (

    select
        persoon_id,
        declarant_agb,
        zorgverlener_agb,
        behandeljaar,
        kwartaal
    from {{ ref('int_huisartsenzorg__inschrijfregels') }}

),

-- The fee lines that can decide year `jaar`, with the priority of their quarter (1 decides first):
-- the quarters of the year itself, and Q1 of the next year for a child born from 1 October of
-- the year.
kandidaten as (

    select
        persoon_id,
        declarant_agb,
        zorgverlener_agb,
        behandeljaar as jaar,
        case kwartaal when 3 then 1 when 1 then 2 when 2 then 3 else 4 end as prioriteit,
        case kwartaal when 3 then 'Q3' when 1 then 'Q1' when 2 then 'Q2' else 'Q4' end as beslissend_kwartaal
    from inschrijfregels

    union all

    select
        inschrijfregels.persoon_id,
        inschrijfregels.declarant_agb,
        inschrijfregels.zorgverlener_agb,
        inschrijfregels.behandeljaar - 1 as jaar,
        5 as prioriteit,
        'Q1_volgend_jaar' as beslissend_kwartaal
    from inschrijfregels
    inner join {{ ref('int_huisartsenzorg__geboren_na_1_oktober') }} as geboorte
        on
            inschrijfregels.persoon_id = geboorte.persoon_id
            and inschrijfregels.behandeljaar - 1 = geboorte.geboortejaar
    where
        inschrijfregels.kwartaal = 1
        and geboorte.geboren_na_1_oktober

),

-- Tie-break within the deciding quarter: the practice with the most candidate fee lines for the
-- person in the year (the year's four quarters, plus Q1 of the next year for such a child).
met_telling as (

    select
        *,
        min(prioriteit) over (partition by persoon_id, jaar) as beslissende_prioriteit,
        count(*) over (partition by persoon_id, jaar, declarant_agb) as aantal_regels_praktijk
    from kandidaten

),

gerangschikt as (

    select
        *,
        row_number() over (
            partition by persoon_id, jaar
            order by
                aantal_regels_praktijk desc,
                declarant_agb asc,
                case when zorgverlener_agb is null then 1 else 0 end asc,
                zorgverlener_agb asc
        ) as volgorde
    from met_telling
    where prioriteit = beslissende_prioriteit

)

select
    gerangschikt.jaar,
    gerangschikt.persoon_id,
    gerangschikt.declarant_agb as praktijk_agb,
    gerangschikt.zorgverlener_agb as huisarts_agb,
    gerangschikt.beslissend_kwartaal,
    personen.is_verzekerde_1_juli
from gerangschikt
inner join {{ ref('int_personen__jaar') }} as personen
    on
        gerangschikt.persoon_id = personen.persoon_id
        and gerangschikt.jaar = personen.jaar
where gerangschikt.volgorde = 1
