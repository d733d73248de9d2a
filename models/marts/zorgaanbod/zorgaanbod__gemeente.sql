{#-
    Zorgaanbod per gemeente and nationally, per AGB snapshot date (peildatum), zorgsoort and
    zorgspecialisme: how many vestigingen and zorgverleners are active. Who counts on a date, and
    as what, is the rule of int_zorgaanbod__actief; this mart adds the zorgsoort totals and the
    complete grid. Rules in the yml.
-#}

with actief as (

    select
        peildatum,
        zorgverlener_agb,
        vestiging_agb,
        gemeentecode,
        zorgsoort,
        zorgspecialisme
    from {{ ref('int_zorgaanbod__actief') }}

),

agb_kwalificaties as (

    select
        entiteit,
        zorgsoort,
        zorgspecialisme
    from {{ ref('agb_kwalificaties') }}

),

cbs_gemeenten as (

    select
        gemeentecode,
        gemeentenaam
    from {{ ref('cbs_gemeenten') }}

),

peildata as (

    select distinct peildatum
    from actief

),

-- Every (zorgsoort, zorgspecialisme) of a person's qualification that can be reported, plus
-- '(alle)' per zorgsoort for the zorgsoort total; the grid makes a gemeente without any provider a
-- row with zeros.
specialismen as (

    select distinct
        zorgsoort,
        zorgspecialisme
    from agb_kwalificaties
    where entiteit = 'zorgverlener'

    union all

    select distinct
        zorgsoort,
        '(alle)' as zorgspecialisme
    from agb_kwalificaties
    where entiteit = 'zorgverlener'

),

actief_met_totaal as (

    select
        peildatum,
        zorgverlener_agb,
        vestiging_agb,
        gemeentecode,
        zorgsoort,
        zorgspecialisme
    from actief

    union all

    select
        peildatum,
        zorgverlener_agb,
        vestiging_agb,
        gemeentecode,
        zorgsoort,
        '(alle)' as zorgspecialisme
    from actief

),

-- Distinct counts: a provider at several vestigingen of one gemeente counts once there.
tellingen_gemeente as (

    select
        peildatum,
        gemeentecode,
        zorgsoort,
        zorgspecialisme,
        count(distinct vestiging_agb) as aantal_vestigingen,
        count(distinct zorgverlener_agb) as aantal_zorgverleners
    from actief_met_totaal
    group by peildatum, gemeentecode, zorgsoort, zorgspecialisme

),

-- Distinct over the whole country: a provider in several gemeenten counts once nationally.
tellingen_nederland as (

    select
        peildatum,
        zorgsoort,
        zorgspecialisme,
        count(distinct vestiging_agb) as aantal_vestigingen,
        count(distinct zorgverlener_agb) as aantal_zorgverleners
    from actief_met_totaal
    group by peildatum, zorgsoort, zorgspecialisme

),

gemeente_rijen as (

    select
        peildata.peildatum,
        'gemeente' as niveau,
        gemeenten.gemeentecode,
        gemeenten.gemeentenaam,
        specialismen.zorgsoort,
        specialismen.zorgspecialisme,
        coalesce(tellingen.aantal_vestigingen, 0) as aantal_vestigingen,
        coalesce(tellingen.aantal_zorgverleners, 0) as aantal_zorgverleners
    from peildata
    cross join cbs_gemeenten as gemeenten
    cross join specialismen
    left join tellingen_gemeente as tellingen
        on
            peildata.peildatum = tellingen.peildatum
            and gemeenten.gemeentecode = tellingen.gemeentecode
            and specialismen.zorgsoort = tellingen.zorgsoort
            and specialismen.zorgspecialisme = tellingen.zorgspecialisme

),

nederland_rijen as (

    select
        peildata.peildatum,
        'nederland' as niveau,
        cast(null as {{ dbt.type_string() }}) as gemeentecode,
        'Nederland' as gemeentenaam,
        specialismen.zorgsoort,
        specialismen.zorgspecialisme,
        coalesce(tellingen.aantal_vestigingen, 0) as aantal_vestigingen,
        coalesce(tellingen.aantal_zorgverleners, 0) as aantal_zorgverleners
    from peildata
    cross join specialismen
    left join tellingen_nederland as tellingen
        on
            peildata.peildatum = tellingen.peildatum
            and specialismen.zorgsoort = tellingen.zorgsoort
            and specialismen.zorgspecialisme = tellingen.zorgspecialisme

),

rijen as (

    select * from gemeente_rijen
    union all
    select * from nederland_rijen

)

select
    cast(peildatum as date) as peildatum,
    cast(niveau as {{ dbt.type_string() }}) as niveau,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(gemeentenaam as {{ dbt.type_string() }}) as gemeentenaam,
    cast(zorgsoort as {{ dbt.type_string() }}) as zorgsoort,
    cast(zorgspecialisme as {{ dbt.type_string() }}) as zorgspecialisme,
    cast(aantal_vestigingen as {{ dbt.type_bigint() }}) as aantal_vestigingen,
    cast(aantal_zorgverleners as {{ dbt.type_bigint() }}) as aantal_zorgverleners
from rijen
