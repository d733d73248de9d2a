{#- Praktijkspiegel: the composition of each practice's population by age class x sex and by
    SES-WOA class, next to the practice's region and the country. Counts from
    int_praktijkspiegel__populatie (counted patients); this mart adds them up. -#}
with populatie as (

    select
        jaar,
        praktijk_agb,
        regiocode,
        leeftijdsklasse,
        geslacht,
        ses_woa_klasse
    from {{ ref('int_praktijkspiegel__populatie') }}
    where is_meegeteld

),

praktijken as (

    select
        jaar,
        praktijk_agb,
        regiocode,
        count(*) as totaal
    from populatie
    group by jaar, praktijk_agb, regiocode

),

geslachten as (

    select
        'M' as geslacht,
        1 as volgorde
    union all
    select
        'V' as geslacht,
        2 as volgorde

),

-- Every category per year: the age classes x M and V always, any other sex (O) when it occurs.
leeftijd_geslacht as (

    select
        jaren.jaar,
        leeftijdsklassen.leeftijdsklasse,
        geslachten.geslacht,
        leeftijdsklassen.volgorde * 10 + geslachten.volgorde as volgorde
    from {{ ref('int_praktijkspiegel__jaren') }} as jaren
    cross join {{ ref('leeftijdsklassen') }} as leeftijdsklassen
    cross join geslachten

    union

    select distinct
        populatie.jaar,
        populatie.leeftijdsklasse,
        populatie.geslacht,
        leeftijdsklassen.volgorde * 10 + 3 as volgorde
    from populatie
    inner join {{ ref('leeftijdsklassen') }} as leeftijdsklassen
        on populatie.leeftijdsklasse = leeftijdsklassen.leeftijdsklasse
    where populatie.geslacht not in ('M', 'V')

),

-- The SES-WOA classes of seed ses_woa_wijk, and onbekend for a patient whose wijk has none.
ses as (

    select
        'laag' as ses_woa_klasse,
        1 as volgorde
    union all
    select
        'midden' as ses_woa_klasse,
        2 as volgorde
    union all
    select
        'hoog' as ses_woa_klasse,
        3 as volgorde
    union all
    select
        'onbekend' as ses_woa_klasse,
        4 as volgorde

),

categorieen as (

    select
        jaar,
        'leeftijd_geslacht' as kenmerk,
        {{ dbt.concat(["leeftijdsklasse", "' '", "geslacht"]) }} as categorie,
        leeftijdsklasse,
        geslacht,
        cast(null as {{ dbt.type_string() }}) as ses_woa_klasse,
        volgorde
    from leeftijd_geslacht

    union all

    select
        jaren.jaar,
        'ses_woa' as kenmerk,
        ses.ses_woa_klasse as categorie,
        cast(null as {{ dbt.type_string() }}) as leeftijdsklasse,
        cast(null as {{ dbt.type_string() }}) as geslacht,
        ses.ses_woa_klasse,
        ses.volgorde
    from {{ ref('int_praktijkspiegel__jaren') }} as jaren
    cross join ses

),

-- Patients per category, per practice, per region and in the country (all practices, with or
-- without a region).
per_praktijk as (

    select
        jaar,
        praktijk_agb,
        'leeftijd_geslacht' as kenmerk,
        {{ dbt.concat(["leeftijdsklasse", "' '", "geslacht"]) }} as categorie,
        count(*) as aantal
    from populatie
    group by jaar, praktijk_agb, leeftijdsklasse, geslacht

    union all

    select
        jaar,
        praktijk_agb,
        'ses_woa' as kenmerk,
        ses_woa_klasse as categorie,
        count(*) as aantal
    from populatie
    group by jaar, praktijk_agb, ses_woa_klasse

),

per_regio as (

    select
        per_praktijk.jaar,
        praktijken.regiocode,
        per_praktijk.kenmerk,
        per_praktijk.categorie,
        sum(per_praktijk.aantal) as aantal
    from per_praktijk
    inner join praktijken
        on
            per_praktijk.jaar = praktijken.jaar
            and per_praktijk.praktijk_agb = praktijken.praktijk_agb
    where praktijken.regiocode is not null
    group by per_praktijk.jaar, praktijken.regiocode, per_praktijk.kenmerk, per_praktijk.categorie

),

regio_totaal as (

    select
        jaar,
        regiocode,
        sum(totaal) as totaal
    from praktijken
    where regiocode is not null
    group by jaar, regiocode

),

per_land as (

    select
        jaar,
        kenmerk,
        categorie,
        sum(aantal) as aantal
    from per_praktijk
    group by jaar, kenmerk, categorie

),

land_totaal as (

    select
        jaar,
        sum(totaal) as totaal
    from praktijken
    group by jaar

)

select
    cast(praktijken.praktijk_agb as {{ dbt.type_string() }}) as praktijk_agb,
    cast(praktijken.jaar as {{ dbt.type_int() }}) as jaar,
    cast(categorieen.kenmerk as {{ dbt.type_string() }}) as kenmerk,
    cast(categorieen.categorie as {{ dbt.type_string() }}) as categorie,
    cast(categorieen.volgorde as {{ dbt.type_int() }}) as volgorde,
    cast(categorieen.leeftijdsklasse as {{ dbt.type_string() }}) as leeftijdsklasse,
    cast(categorieen.geslacht as {{ dbt.type_string() }}) as geslacht,
    cast(categorieen.ses_woa_klasse as {{ dbt.type_string() }}) as ses_woa_klasse,
    cast(coalesce(per_praktijk.aantal, 0) as {{ dbt.type_bigint() }}) as aantal_patienten,
    cast(coalesce(per_praktijk.aantal, 0) as {{ type_double() }}) / praktijken.totaal as aandeel_praktijk,
    case
        when praktijken.regiocode is not null
            then cast(coalesce(per_regio.aantal, 0) as {{ type_double() }}) / regio_totaal.totaal
    end as aandeel_regio,
    cast(coalesce(per_land.aantal, 0) as {{ type_double() }}) / land_totaal.totaal as aandeel_nederland
from praktijken
inner join categorieen
    on praktijken.jaar = categorieen.jaar
inner join land_totaal
    on praktijken.jaar = land_totaal.jaar
left join regio_totaal
    on
        praktijken.jaar = regio_totaal.jaar
        and praktijken.regiocode = regio_totaal.regiocode
left join per_praktijk
    on
        praktijken.jaar = per_praktijk.jaar
        and praktijken.praktijk_agb = per_praktijk.praktijk_agb
        and categorieen.kenmerk = per_praktijk.kenmerk
        and categorieen.categorie = per_praktijk.categorie
left join per_regio
    on
        praktijken.jaar = per_regio.jaar
        and praktijken.regiocode = per_regio.regiocode
        and categorieen.kenmerk = per_regio.kenmerk
        and categorieen.categorie = per_regio.categorie
left join per_land
    on
        praktijken.jaar = per_land.jaar
        and categorieen.kenmerk = per_land.kenmerk
        and categorieen.categorie = per_land.categorie
