{#-
    Claim completeness per zorgstroom and behandeljaar from the processing-lag pattern of the years
    that are (nearly) complete; until a stream has such a year, from its typical lag (seed
    declaratievertraging). Method in the yml. Knobs: var uitgedeclareerd_drempel (0.97) and
    var volledigheid_horizon_maanden (24).
-#}
{%- set horizon = var('volledigheid_horizon_maanden', 24) -%}
{%- set drempel = var('uitgedeclareerd_drempel', 0.97) -%}

-- Every step reads the claims staging model itself: a CTE over all claim lines that several steps
-- share would be materialized by DuckDB with all its columns (most of this model's time).

-- The data's "as of": the latest processing date delivered; its month counts as complete
-- (an insurer delivers a whole processing month at once).
with peil as (

    select max(verwerkingsdatum) as peildatum
    from {{ ref('stg_zvw_declaraties__declaraties') }}

),

-- The first reversal of each reversed line (a second reversal of the same line is a data error
-- and must not subtract twice).
tegenboekingen as (

    select
        uzovi,
        origineel_regel_id as regel_id,
        min(verwerkingsdatum) as verwerkingsdatum
    from {{ ref('stg_zvw_declaraties__declaraties') }}
    where debet_credit = 'C'
    group by uzovi, origineel_regel_id

),

-- Every movement of the net amount: + a D line in its processing month, - the same amount in
-- the processing month of its reversal. A reversal takes the zorgstroom, treatment year and
-- amount of the line it reverses; a C line whose original never arrived is ignored.
mutaties as (

    select
        zorgstroom,
        begindatum,
        verwerkingsdatum,
        bedrag
    from {{ ref('stg_zvw_declaraties__declaraties') }}
    where debet_credit = 'D'

    union all

    select
        d.zorgstroom,
        d.begindatum,
        c.verwerkingsdatum,
        -d.bedrag as bedrag
    from tegenboekingen as c
    inner join {{ ref('stg_zvw_declaraties__declaraties') }} as d
        on
            c.uzovi = d.uzovi
            and c.regel_id = d.regel_id
            and d.debet_credit = 'D'

),

-- Net amount per zorgstroom, treatment year and processing lag k in months after the end of the
-- treatment year (k = 0: processed in December of the treatment year; k = 1: in January after it;
-- negative: earlier in the treatment year).
mutaties_met_vertraging as (

    select
        zorgstroom,
        bedrag,
        cast(extract(year from begindatum) as {{ dbt.type_int() }}) as behandeljaar,
        cast(
            (extract(year from verwerkingsdatum) - extract(year from begindatum)) * 12
            + extract(month from verwerkingsdatum) - 12
            as {{ dbt.type_int() }}
        ) as vertraging_maanden
    from mutaties

),

per_vertraging as (

    select
        zorgstroom,
        behandeljaar,
        vertraging_maanden,
        sum(bedrag) as bedrag
    from mutaties_met_vertraging
    group by zorgstroom, behandeljaar, vertraging_maanden

),

jaren_met_data as (

    select distinct
        zorgstroom,
        behandeljaar
    from per_vertraging

),

jaren as (

    select
        jaren_met_data.zorgstroom,
        jaren_met_data.behandeljaar,
        cast(
            (extract(year from peil.peildatum) - jaren_met_data.behandeljaar) * 12
            + extract(month from peil.peildatum) - 12
            as {{ dbt.type_int() }}
        ) as maanden_na_jaareinde
    from jaren_met_data
    cross join peil

),

-- Reference years: followed up for at least the horizon; their amount at the horizon counts as
-- the eventual amount (anything processed later is ignored).
referentie as (

    select
        per_vertraging.zorgstroom,
        per_vertraging.vertraging_maanden,
        per_vertraging.bedrag
    from per_vertraging
    inner join jaren
        on
            per_vertraging.zorgstroom = jaren.zorgstroom
            and per_vertraging.behandeljaar = jaren.behandeljaar
    where
        jaren.maanden_na_jaareinde >= {{ horizon }}
        and per_vertraging.vertraging_maanden <= {{ horizon }}

),

-- Expected completeness of each year: the share of the reference years' eventual amount
-- (pooled over the reference years) that had been received k months after their year end,
-- k = the year's own maanden_na_jaareinde. 1 for years followed up beyond the horizon.
profiel as (

    select
        jaren.zorgstroom,
        jaren.behandeljaar,
        sum(case when referentie.vertraging_maanden <= jaren.maanden_na_jaareinde then referentie.bedrag end)
            as bedrag_bij_vertraging,
        sum(referentie.bedrag) as bedrag_eind
    from jaren
    inner join referentie
        on jaren.zorgstroom = referentie.zorgstroom
    where jaren.maanden_na_jaareinde < {{ horizon }}
    group by jaren.zorgstroom, jaren.behandeljaar

),

ontvangen as (

    select
        zorgstroom,
        behandeljaar,
        sum(bedrag) as bedrag_ontvangen
    from {{ ref('int_declaraties__actueel') }}
    group by zorgstroom, behandeljaar

),

-- A stream without a reference year falls back on its typical lag L (seed declaratievertraging):
-- every claim taken to arrive L months after its treatment month, so by k months after the year end
-- the first 12 + k - L months of the year are in.
volledigheid as (

    select
        jaren.zorgstroom,
        jaren.behandeljaar,
        coalesce(ontvangen.bedrag_ontvangen, 0) as bedrag_ontvangen,
        jaren.maanden_na_jaareinde,
        cast(
            case
                when jaren.maanden_na_jaareinde >= {{ horizon }} then 1
                when profiel.bedrag_eind > 0
                    then coalesce(profiel.bedrag_bij_vertraging, 0) / profiel.bedrag_eind
                when jaren.maanden_na_jaareinde >= standaard.vertraging_maanden then 1
                when jaren.maanden_na_jaareinde <= standaard.vertraging_maanden - 12 then 0
                else (12 + jaren.maanden_na_jaareinde - standaard.vertraging_maanden) / 12.0
            end
            as decimal(10, 6)
        ) as verwachte_volledigheid,
        case
            when jaren.maanden_na_jaareinde >= {{ horizon }} then 'horizon'
            when profiel.bedrag_eind > 0 then 'schatting'
            when standaard.vertraging_maanden is not null then 'standaardvertraging'
        end as volledigheid_methode
    from jaren
    left join ontvangen
        on
            jaren.zorgstroom = ontvangen.zorgstroom
            and jaren.behandeljaar = ontvangen.behandeljaar
    left join profiel
        on
            jaren.zorgstroom = profiel.zorgstroom
            and jaren.behandeljaar = profiel.behandeljaar
    left join {{ ref('declaratievertraging') }} as standaard
        on jaren.zorgstroom = standaard.zorgstroom

)

select
    zorgstroom,
    behandeljaar,
    cast(bedrag_ontvangen as decimal(16, 2)) as bedrag_ontvangen,
    maanden_na_jaareinde,
    verwachte_volledigheid,
    volledigheid_methode,
    cast(
        case when verwachte_volledigheid > 0 then bedrag_ontvangen / verwachte_volledigheid end
        as decimal(16, 2)
    ) as geschat_eindbedrag,
    coalesce(verwachte_volledigheid >= {{ drempel }}, false) as is_uitgedeclareerd
from volledigheid
