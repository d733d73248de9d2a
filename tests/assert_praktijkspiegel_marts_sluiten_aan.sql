-- Praktijkspiegel: the four marts agree. For every practice-year with patients in
-- praktijkspiegel__praktijk_jaar: praktijkspiegel__populatie holds both kenmerken, each adding up to
-- the practice's aantal_patienten, with shares (practice, region, country) adding up to 1;
-- praktijkspiegel__indicatoren has one row per indicator of the seed and
-- praktijkspiegel__kosten_zorgstroom one per care stream, both with the same aantal_patienten; and
-- the sum of the practices' per-stream costs equals the cost measures' total in
-- int_praktijkspiegel__verwacht. Returns the practice-years (and checks) that do not agree.
with praktijken as (

    select
        praktijk_agb,
        jaar,
        aantal_patienten
    from {{ ref('praktijkspiegel__praktijk_jaar') }}
    where aantal_patienten > 0

),

populatie as (

    select
        praktijk_agb,
        jaar,
        kenmerk,
        sum(aantal_patienten) as aantal_patienten,
        sum(aandeel_praktijk) as aandeel_praktijk,
        sum(aandeel_regio) as aandeel_regio,
        count(aandeel_regio) as met_regio,
        sum(aandeel_nederland) as aandeel_nederland
    from {{ ref('praktijkspiegel__populatie') }}
    group by praktijk_agb, jaar, kenmerk

),

indicatoren as (

    select
        praktijk_agb,
        jaar,
        count(*) as rijen,
        min(aantal_patienten) as min_patienten,
        max(aantal_patienten) as max_patienten
    from {{ ref('praktijkspiegel__indicatoren') }}
    group by praktijk_agb, jaar

),

kosten as (

    select
        praktijk_agb,
        jaar,
        count(*) as rijen,
        min(aantal_patienten) as min_patienten,
        max(aantal_patienten) as max_patienten,
        sum(kosten) as kosten
    from {{ ref('praktijkspiegel__kosten_zorgstroom') }}
    group by praktijk_agb, jaar

),

kosten_verwacht as (

    select
        praktijk_agb,
        jaar,
        sum(waarde) as kosten
    from {{ ref('int_praktijkspiegel__verwacht') }}
    where maat like 'kosten_%'
    group by praktijk_agb, jaar

),

aantallen as (

    select
        (select count(*) from {{ ref('praktijkspiegel_indicatoren') }}) as indicatoren,
        (select count(*) from {{ ref('zorgstromen') }}) as zorgstromen

),

kenmerken as (

    select 'leeftijd_geslacht' as kenmerk
    union all
    select 'ses_woa' as kenmerk

),

controles as (

    select
        praktijken.praktijk_agb,
        praktijken.jaar,
        {{ dbt.concat(["'populatie '", "kenmerken.kenmerk"]) }} as controle
    from praktijken
    cross join kenmerken
    left join populatie
        on
            praktijken.praktijk_agb = populatie.praktijk_agb
            and praktijken.jaar = populatie.jaar
            and kenmerken.kenmerk = populatie.kenmerk
    where
        populatie.kenmerk is null
        or populatie.aantal_patienten != praktijken.aantal_patienten
        or abs(populatie.aandeel_praktijk - 1) > 1e-9
        or abs(populatie.aandeel_nederland - 1) > 1e-9
        or (populatie.met_regio > 0 and abs(populatie.aandeel_regio - 1) > 1e-9)

    union all

    select
        praktijken.praktijk_agb,
        praktijken.jaar,
        'indicatoren' as controle
    from praktijken
    cross join aantallen
    left join indicatoren
        on
            praktijken.praktijk_agb = indicatoren.praktijk_agb
            and praktijken.jaar = indicatoren.jaar
    where
        coalesce(indicatoren.rijen, 0) != aantallen.indicatoren
        or indicatoren.min_patienten != praktijken.aantal_patienten
        or indicatoren.max_patienten != praktijken.aantal_patienten

    union all

    select
        praktijken.praktijk_agb,
        praktijken.jaar,
        'kosten_zorgstroom' as controle
    from praktijken
    cross join aantallen
    left join kosten
        on
            praktijken.praktijk_agb = kosten.praktijk_agb
            and praktijken.jaar = kosten.jaar
    left join kosten_verwacht
        on
            praktijken.praktijk_agb = kosten_verwacht.praktijk_agb
            and praktijken.jaar = kosten_verwacht.jaar
    where
        coalesce(kosten.rijen, 0) != aantallen.zorgstromen
        or kosten.min_patienten != praktijken.aantal_patienten
        or kosten.max_patienten != praktijken.aantal_patienten
        or abs(kosten.kosten - coalesce(kosten_verwacht.kosten, 0)) > 1e-6 * greatest(1, abs(kosten.kosten))

)

select *
from controles
