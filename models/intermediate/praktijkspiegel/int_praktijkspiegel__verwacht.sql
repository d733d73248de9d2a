{#-
    Actual and expected use per practice, report year and measure: the indirect standardisation
    (macro indirecte_standaardisatie) over age class x sex x SES-WOA class, with the practice's
    hechte huisartsenzorg region and the whole country as reference. Every Praktijkspiegel
    indicator and cost figure comes from here. Rules in the yml.
-#}
with populatie as (

    select
        jaar,
        persoon_id,
        praktijk_agb,
        regiocode,
        leeftijdsklasse,
        geslacht,
        ses_woa_klasse
    from {{ ref('int_praktijkspiegel__populatie') }}
    where is_meegeteld

),

maten as (

    select
        jaar,
        persoon_id,
        maat,
        waarde
    from {{ ref('int_praktijkspiegel__maten') }}

),

{{ indirecte_standaardisatie(
    populatie='populatie',
    maten='maten',
    eenheid='praktijk_agb',
    regio='regiocode',
    groepen=['leeftijdsklasse', 'geslacht', 'ses_woa_klasse'],
    partitie=['jaar'],
    persoon='persoon_id'
) }}
