{#- Gemeentezorgspiegel, GGZ waiting times: per year, level (nl, ggd_regio, gemeente), provider and
    diagnosis group (each also '(alle)'): the number of measurements and the mean, median and share
    within the Treeknorm of the registration and the treatment waiting time. Provider figures hold no
    persons, so no small-cell suppression applies (see the yml). Rules in the yml. -#}
{%- set uitsplitsingen = [
    ('aanbieder_agb', 'diagnosegroep'),
    ("'(alle)'", 'diagnosegroep'),
    ('aanbieder_agb', "'(alle)'"),
    ("'(alle)'", "'(alle)'")
] -%}

-- The measurements without their own gemeentecode: each level below sets it (Spark rejects the
-- duplicate column a select * would add).
with metingen as (

    select
        jaar,
        aanbieder_agb,
        ggd_regio_code,
        gemeentecode as meting_gemeentecode,
        diagnosegroep,
        aanmeldwachttijd_dagen,
        behandelwachttijd_dagen,
        is_aanmeld_binnen_treeknorm,
        is_behandel_binnen_treeknorm
    from {{ ref('int_gemeentezorgspiegel__ggz_wachttijden') }}

),

per_niveau as (

    select
        'nl' as niveau,
        'NL' as regiocode,
        cast(null as {{ dbt.type_string() }}) as gemeentecode,
        cast(null as {{ dbt.type_string() }}) as bovenliggende_regiocode,
        metingen.*
    from metingen

    union all

    select
        'ggd_regio' as niveau,
        metingen.ggd_regio_code as regiocode,
        cast(null as {{ dbt.type_string() }}) as gemeentecode,
        'NL' as bovenliggende_regiocode,
        metingen.*
    from metingen
    where metingen.ggd_regio_code is not null

    union all

    select
        'gemeente' as niveau,
        metingen.meting_gemeentecode as regiocode,
        metingen.meting_gemeentecode as gemeentecode,
        metingen.ggd_regio_code as bovenliggende_regiocode,
        metingen.*
    from metingen
    where metingen.meting_gemeentecode is not null

),

uitgesplitst as (

    {%- for aanbieder, diagnosegroep in uitsplitsingen %}
        select
            jaar,
            niveau,
            regiocode,
            gemeentecode,
            bovenliggende_regiocode,
            {{ aanbieder }} as aanbieder_agb,
            {{ diagnosegroep }} as diagnosegroep,
            aanmeldwachttijd_dagen,
            behandelwachttijd_dagen,
            is_aanmeld_binnen_treeknorm,
            is_behandel_binnen_treeknorm
        from per_niveau
        {{- "\n\n        union all\n" if not loop.last }}
    {% endfor %}
)

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(niveau as {{ dbt.type_string() }}) as niveau,
    cast(regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(null as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(aanbieder_agb as {{ dbt.type_string() }}) as aanbieder_agb,
    cast(diagnosegroep as {{ dbt.type_string() }}) as diagnosegroep,
    cast(count(*) as {{ dbt.type_bigint() }}) as aantal_metingen,
    cast(avg(1.0 * aanmeldwachttijd_dagen) as decimal(10, 1)) as gemiddelde_aanmeldwachttijd_dagen,
    cast({{ mediaan('aanmeldwachttijd_dagen') }} as decimal(10, 1)) as mediaan_aanmeldwachttijd_dagen,
    cast(avg(case when is_aanmeld_binnen_treeknorm then 1.0 else 0.0 end) as decimal(5, 3))
        as aandeel_aanmeld_binnen_treeknorm,
    cast(avg(1.0 * behandelwachttijd_dagen) as decimal(10, 1)) as gemiddelde_behandelwachttijd_dagen,
    cast({{ mediaan('behandelwachttijd_dagen') }} as decimal(10, 1)) as mediaan_behandelwachttijd_dagen,
    cast(avg(case when is_behandel_binnen_treeknorm then 1.0 else 0.0 end) as decimal(5, 3))
        as aandeel_behandel_binnen_treeknorm
from uitgesplitst
group by jaar, niveau, regiocode, gemeentecode, bovenliggende_regiocode, aanbieder_agb, diagnosegroep
