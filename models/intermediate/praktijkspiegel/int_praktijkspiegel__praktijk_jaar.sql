{#-
    One row per GP practice and report year: name, location and region, the population size and
    the patients left out (per reason), and whether the practice gets a mirror for the year or why
    not. Knobs: var praktijkspiegel_beeindigde_praktijken (false), var praktijkspiegel_peildatum
    (latest AGB snapshot). Rules in the yml.
-#}
{%- set beeindigde_praktijken = ps_beeindigde_praktijken() -%}
{%- set peildatum = ps_peildatum() -%}

with jaren as (

    select jaar
    from {{ ref('int_praktijkspiegel__jaren') }}

),

-- The date an AGB end date must lie before to be "in the past".
peil as (

    {% if peildatum is not none %}
        select cast('{{ peildatum }}' as date) as peildatum
    {% else %}
        select max(peildatum) as peildatum
        from {{ ref('stg_agb_register__ondernemingen') }}
    {% endif %}

),

-- GP practices in the AGB register: ondernemingen with the kwalificatie of a GP practice (seed
-- agb_kwalificaties: entiteit onderneming, zorgspecialisme huisartsenpraktijk).
praktijk_kwalificaties as (

    select kwalificatiecode
    from {{ ref('agb_kwalificaties') }}
    where
        entiteit = 'onderneming'
        and zorgspecialisme = 'huisartsenpraktijk'

),

agb_perioden as (

    select
        ondernemingen.onderneming_agb as praktijk_agb,
        ondernemingen.naam,
        ondernemingen.geldig_van,
        ondernemingen.geldig_tot,
        row_number() over (
            partition by ondernemingen.onderneming_agb
            order by ondernemingen.geldig_van desc
        ) as volgorde
    from {{ ref('int_agb__ondernemingen') }} as ondernemingen
    inner join praktijk_kwalificaties
        on ondernemingen.kwalificatiecode = praktijk_kwalificaties.kwalificatiecode

),

-- Start: the first day active as a GP practice; end: the last, null while any period is open.
agb as (

    select
        praktijk_agb,
        max(case when volgorde = 1 then naam end) as praktijk_naam,
        min(geldig_van) as agb_begindatum,
        case when count(*) = count(geldig_tot) then max(geldig_tot) end as agb_einddatum
    from agb_perioden
    group by praktijk_agb

),

populatie as (

    select
        jaar,
        praktijk_agb,
        sum(case when is_meegeteld then 1 else 0 end) as aantal_patienten,
        sum(case when uitsluitingsreden = 'meerdere_praktijken' then 1 else 0 end)
            as uitgesloten_meerdere_praktijken,
        sum(case when uitsluitingsreden = 'huisarts_meerdere_praktijken' then 1 else 0 end)
            as uitgesloten_huisarts_meerdere_praktijken,
        sum(case when uitsluitingsreden = 'geen_verzekerde_1_juli' then 1 else 0 end)
            as uitgesloten_geen_verzekerde_1_juli
    from {{ ref('int_praktijkspiegel__populatie') }}
    group by jaar, praktijk_agb

),

praktijken as (

    select praktijk_agb
    from agb
    union
    select praktijk_agb
    from populatie

),

rijen as (

    select
        praktijken.praktijk_agb,
        jaren.jaar,
        agb.praktijk_naam,
        agb.agb_begindatum,
        agb.agb_einddatum,
        coalesce(agb.agb_einddatum < peil.peildatum, false) as is_beeindigd,
        coalesce(populatie.aantal_patienten, 0) as aantal_patienten,
        coalesce(populatie.uitgesloten_meerdere_praktijken, 0) as uitgesloten_meerdere_praktijken,
        coalesce(populatie.uitgesloten_huisarts_meerdere_praktijken, 0) as uitgesloten_huisarts_meerdere_praktijken,
        coalesce(populatie.uitgesloten_geen_verzekerde_1_juli, 0) as uitgesloten_geen_verzekerde_1_juli
    from praktijken
    cross join jaren
    cross join peil
    left join agb
        on praktijken.praktijk_agb = agb.praktijk_agb
    left join populatie
        on
            praktijken.praktijk_agb = populatie.praktijk_agb
            and jaren.jaar = populatie.jaar

),

met_reden as (

    select
        *,
        case
            when agb_begindatum > {{ make_date('jaar + 1', 1, 1) }} then 'start_na_rapportjaar'
            when aantal_patienten = 0 then 'geen_patienten'
            when is_beeindigd then 'beeindigd'
        end as reden
    from rijen

)

select
    met_reden.praktijk_agb,
    met_reden.jaar,
    met_reden.praktijk_naam,
    locatie.vestiging_agb,
    locatie.gemeentecode,
    locatie.hechte_huisartsenzorg_code as regiocode,
    regio.hechte_huisartsenzorg_naam as regionaam,
    met_reden.aantal_patienten,
    met_reden.uitgesloten_meerdere_praktijken,
    met_reden.uitgesloten_huisarts_meerdere_praktijken,
    met_reden.uitgesloten_geen_verzekerde_1_juli,
    met_reden.agb_begindatum,
    met_reden.agb_einddatum,
    met_reden.is_beeindigd,
    {% if beeindigde_praktijken %}
        met_reden.reden is null or met_reden.reden = 'beeindigd' as heeft_spiegel,
        case when met_reden.reden != 'beeindigd' then met_reden.reden end as uitsluitingsreden,
    {% else %}
        met_reden.reden is null as heeft_spiegel,
        met_reden.reden as uitsluitingsreden,
    {% endif %}
    met_reden.reden is null or met_reden.reden = 'beeindigd' as heeft_spiegel_op_verzoek
from met_reden
left join {{ ref('int_huisartsenzorg__praktijk_jaar') }} as locatie
    on
        met_reden.jaar = locatie.jaar
        and met_reden.praktijk_agb = locatie.praktijk_agb
left join {{ ref('int_regio__gemeente') }} as regio
    on locatie.gemeentecode = regio.gemeentecode
