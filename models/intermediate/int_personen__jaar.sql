{#-
    One row per person per year: insured on 1 July, with insurer, sex, age on 30 June and residence
    on 1 July. Rules in the yml. geboortedatum does not leave this model: only leeftijd does.
-#}
with dekking as (

    select
        persoon_id,
        uzovi,
        leveringsjaar,
        geboortedatum,
        geslacht,
        buurtcode,
        begindatum,
        coalesce(einddatum, cast('9999-12-31' as date)) as einddatum
    from {{ ref('stg_zvw_verzekerden__verzekerden') }}

),

jaren as (

    select distinct
        leveringsjaar as jaar,
        {{ make_date('leveringsjaar', 1, 1) }} as jaar_begin,
        {{ make_date('leveringsjaar', 12, 31) }} as jaar_eind,
        {{ make_date('leveringsjaar', 7, 1) }} as peildatum_1_juli,
        {{ make_date('leveringsjaar', 6, 30) }} as peildatum_30_juni
    from dekking

),

-- Every coverage row that overlaps a year of the data, from the deliveries of that year or later
-- only: an earlier delivery was made before the year and cannot know its ends (a death, an
-- emigration, or a switch in a later year are still open periods there).
dekking_per_jaar as (

    select
        jaren.jaar,
        jaren.peildatum_1_juli,
        jaren.peildatum_30_juni,
        dekking.*,
        dekking.begindatum <= jaren.peildatum_1_juli
        and dekking.einddatum >= jaren.peildatum_1_juli as dekt_1_juli
    from dekking
    inner join jaren
        on
            dekking.leveringsjaar >= jaren.jaar
            and dekking.begindatum <= jaren.jaar_eind
            and dekking.einddatum >= jaren.jaar_begin

),

-- Per (persoon_id, uzovi): the rows of the latest delivery (of the year or later) that covers
-- 1 July. An open period is repeated in every later delivery of the same insurer, and a later
-- delivery knows more (a move or an end reported late), so it wins.
laatste_levering as (

    select
        *,
        max(case when dekt_1_juli then leveringsjaar end)
            over (partition by persoon_id, uzovi, jaar)
            as laatste_leveringsjaar_1_juli
    from dekking_per_jaar

),

-- One row per person and year: the covering row on 1 July if there is one (several insurers on
-- the same day would be a data error: the latest begindatum, then the lowest uzovi wins);
-- otherwise the person's latest row in the year, for geslacht and leeftijd only.
gekozen as (

    select
        *,
        row_number() over (
            partition by persoon_id, jaar
            order by
                case
                    when dekt_1_juli and leveringsjaar = laatste_leveringsjaar_1_juli then 0
                    else 1
                end asc,
                begindatum desc,
                leveringsjaar desc,
                uzovi asc
        ) as volgorde
    from laatste_levering

),

personen as (

    select
        persoon_id,
        jaar,
        dekt_1_juli as heeft_basisverzekering_1_juli,
        case when dekt_1_juli then uzovi end as uzovi,
        geslacht,
        case
            when {{ leeftijd_op('geboortedatum', 'peildatum_30_juni') }} < 0 then 0
            else {{ leeftijd_op('geboortedatum', 'peildatum_30_juni') }}
        end as leeftijd,
        case when dekt_1_juli then buurtcode end as buurtcode
    from gekozen
    where volgorde = 1

)

select
    personen.persoon_id,
    personen.jaar,
    personen.heeft_basisverzekering_1_juli,
    personen.uzovi,
    personen.geslacht,
    personen.leeftijd,
    leeftijdsklassen.leeftijdsklasse,
    personen.buurtcode,
    cbs_buurten.wijkcode,
    cbs_buurten.gemeentecode,
    regio.provincie_code,
    regio.ggd_regio_code,
    regio.arbeidsmarktregio_code,
    regio.hechte_huisartsenzorg_code,
    case when personen.heeft_basisverzekering_1_juli then personen.buurtcode is not null end as woont_in_nederland,
    personen.heeft_basisverzekering_1_juli and personen.buurtcode is not null as is_verzekerde_1_juli
from personen
left join {{ ref('leeftijdsklassen') }} as leeftijdsklassen
    on personen.leeftijd between leeftijdsklassen.leeftijd_van and leeftijdsklassen.leeftijd_tot
left join {{ ref('cbs_buurten') }} as cbs_buurten
    on personen.buurtcode = cbs_buurten.buurtcode
left join {{ ref('int_regio__gemeente') }} as regio
    on cbs_buurten.gemeentecode = regio.gemeentecode
