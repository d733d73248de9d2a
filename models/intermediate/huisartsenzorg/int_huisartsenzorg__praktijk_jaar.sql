{#-
    One row per GP practice (onderneming) and year: its linked insured patients, its GPs, the
    vestiging that places it in a gemeente and region, and the small-practice flag
    (var huisartsenzorg_min_praktijkgrootte, default 100). Rules in the yml.
-#}
{%- set min_praktijkgrootte = hz_min_praktijkgrootte() -%}

with patienten as (

    select
        jaar,
        praktijk_agb,
        count(*) as ingeschreven_patienten
    from {{ ref('int_huisartsenzorg__inschrijving') }}
    where is_verzekerde_1_juli
    group by jaar, praktijk_agb

),

huisartsen as (

    select
        jaar,
        praktijk_agb,
        count(distinct zorgverlener_agb) as huisartsen
    from {{ ref('int_huisartsenzorg__praktijk_huisartsen') }}
    group by jaar, praktijk_agb

),

praktijken as (

    select
        jaar,
        praktijk_agb
    from patienten
    union
    select
        jaar,
        praktijk_agb
    from huisartsen

),

vestigingen as (

    select
        register.vestiging_agb,
        register.onderneming_agb,
        register.gemeentecode,
        register.begindatum as geldig_van,
        register.einddatum as geldig_tot
    from ({{ laatste_agb_snapshot('stg_agb_register__vestigingen') }}) as register

),

-- The practice's vestiging for the year: one active on 1 July if any, else the one that was active
-- last (latest end date); then the lowest vestiging_agb.
vestiging_gekozen as (

    select
        praktijken.jaar,
        praktijken.praktijk_agb,
        vestigingen.vestiging_agb,
        vestigingen.gemeentecode,
        row_number() over (
            partition by praktijken.jaar, praktijken.praktijk_agb
            order by
                case when {{ agb_actief_op('vestigingen', make_date('praktijken.jaar', 7, 1)) }} then 0 else 1 end asc,
                coalesce(vestigingen.geldig_tot, {{ open_einde() }}) desc,
                vestigingen.vestiging_agb asc
        ) as volgorde
    from praktijken
    inner join vestigingen
        on
            praktijken.praktijk_agb = vestigingen.onderneming_agb
            and vestigingen.geldig_van <= {{ make_date('praktijken.jaar', 12, 31) }}

)

select
    praktijken.jaar,
    praktijken.praktijk_agb,
    coalesce(patienten.ingeschreven_patienten, 0) as ingeschreven_patienten,
    coalesce(huisartsen.huisartsen, 0) as huisartsen,
    vestiging_gekozen.vestiging_agb,
    vestiging_gekozen.gemeentecode,
    regio.hechte_huisartsenzorg_code,
    regio.arbeidsmarktregio_code,
    coalesce(patienten.ingeschreven_patienten, 0) < {{ min_praktijkgrootte }} as is_kleine_praktijk
from praktijken
left join patienten
    on
        praktijken.jaar = patienten.jaar
        and praktijken.praktijk_agb = patienten.praktijk_agb
left join huisartsen
    on
        praktijken.jaar = huisartsen.jaar
        and praktijken.praktijk_agb = huisartsen.praktijk_agb
left join vestiging_gekozen
    on
        praktijken.jaar = vestiging_gekozen.jaar
        and praktijken.praktijk_agb = vestiging_gekozen.praktijk_agb
        and vestiging_gekozen.volgorde = 1
left join {{ ref('int_regio__gemeente') }} as regio
    on vestiging_gekozen.gemeentecode = regio.gemeentecode
