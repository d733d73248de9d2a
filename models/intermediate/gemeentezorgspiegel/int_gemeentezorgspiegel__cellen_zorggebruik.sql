{#-
    Unsuppressed cells of Zorggebruik: per year, region (nl, gemeente, wijk, buurt), domain (zvw,
    wlz, wmo, jeugdwet) and category (zorgstroom, Wlz sector, voorziening, hulpvorm, and the domain
    total '(totaal)'): users, costs, inhabitants, the ratios, and the national value standardised to
    the region's age/sex mix. Jeugdwet only at the delivering gemeente's own regions. Rules in the yml.
-#}
with gebruik as (

    select
        jaar,
        persoon_id,
        domein,
        categorie,
        aanleverende_gemeentecode,
        kosten
    from {{ ref('int_gemeentezorgspiegel__zorggebruik_persoon') }}

),

gebruik_met_totaal as (

    select * from gebruik

    union all

    select
        jaar,
        persoon_id,
        domein,
        '(totaal)' as categorie,
        aanleverende_gemeentecode,
        sum(kosten) as kosten
    from gebruik
    group by jaar, persoon_id, domein, aanleverende_gemeentecode

),

-- Care use counts where the person lives on 1 July. Data a gemeente delivered (Jeugdwet) counts
-- only at that gemeente's own levels, and only for its own inhabitants; never nationally.
geplaatst as (

    select
        regio.jaar,
        regio.niveau,
        regio.regiocode,
        regio.gemeentecode,
        regio.bovenliggende_regiocode,
        case when gebruik.aanleverende_gemeentecode is not null then regio.gemeentecode end
            as zichtbaar_voor_gemeentecode,
        regio.leeftijdsklasse,
        regio.geslacht,
        gebruik.domein,
        gebruik.categorie,
        gebruik.persoon_id,
        gebruik.kosten
    from gebruik_met_totaal as gebruik
    inner join {{ ref('int_gemeentezorgspiegel__inwoner_regio') }} as regio
        on
            gebruik.jaar = regio.jaar
            and gebruik.persoon_id = regio.persoon_id
    where
        gebruik.aanleverende_gemeentecode is null
        or (regio.niveau != 'nl' and gebruik.aanleverende_gemeentecode = regio.gemeentecode)

),

-- A person is at most once in a cell: one region per level and year (unique jaar, persoon_id,
-- niveau in int_gemeentezorgspiegel__inwoner_regio), one row per domain, category and delivering
-- gemeente (unique in int_gemeentezorgspiegel__zorggebruik_persoon, whose categories are never
-- '(totaal)'), and a gemeente's own rows are only placed in its own regions, in cells of their own
-- (zichtbaar_voor_gemeentecode). So count() counts distinct persons; count(distinct) over tens of
-- millions of rows with 64-character ids was most of this model's time at scale 0.1.
cellen as (

    select
        jaar,
        niveau,
        regiocode,
        gemeentecode,
        bovenliggende_regiocode,
        zichtbaar_voor_gemeentecode,
        domein,
        categorie,
        count(persoon_id) as aantal_personen,
        coalesce(sum(kosten), 0) as kosten
    from geplaatst
    group by
        jaar, niveau, regiocode, gemeentecode, bovenliggende_regiocode, zichtbaar_voor_gemeentecode, domein, categorie

),

inwoners as (

    select
        jaar,
        regiocode,
        aantal_personen as inwoners
    from {{ ref('int_gemeentezorgspiegel__cellen_inwoners') }}
    where leeftijdsgroep = '(alle)'

),

-- Indirect age/sex standardisation (macro indirecte_standaardisatie, the one implementation): the
-- national users and costs per inhabitant of each age class and sex, weighted with the region's own
-- inhabitants of that class and sex (national and gemeente level; not for data delivered by a
-- gemeente, which has no national figure). Partitioned by niveau: every inhabitant is in the
-- population once at niveau nl and once at niveau gemeente, so each level's reference is the whole
-- country. Measures per person: gebruikers (1 per user of the domain and category) and kosten.
verwacht_per_maat as (

    with populatie as (

        select
            jaar,
            niveau,
            persoon_id,
            regiocode,
            leeftijdsklasse,
            geslacht
        from {{ ref('int_gemeentezorgspiegel__inwoner_regio') }}
        where niveau in ('nl', 'gemeente')

    ),

    gebruik_persoon as (

        -- = geplaatst at niveau nl and gemeente without a gemeente's own data (zichtbaar_voor_gemeentecode
        -- is null exactly for those), joined here again: geplaatst read twice would be materialized by
        -- DuckDB with every column (tens of millions of rows at scale 0.1).
        select
            regio.jaar,
            regio.niveau,
            gebruik.persoon_id,
            gebruik.domein,
            gebruik.categorie,
            coalesce(sum(gebruik.kosten), 0) as kosten
        from gebruik_met_totaal as gebruik
        inner join {{ ref('int_gemeentezorgspiegel__inwoner_regio') }} as regio
            on
                gebruik.jaar = regio.jaar
                and gebruik.persoon_id = regio.persoon_id
        where regio.niveau in ('nl', 'gemeente') and gebruik.aanleverende_gemeentecode is null
        group by regio.jaar, regio.niveau, gebruik.persoon_id, gebruik.domein, gebruik.categorie

    ),

    maten as (

        select
            jaar,
            niveau,
            persoon_id,
            domein,
            categorie,
            'gebruikers' as maat,
            1 as waarde
        from gebruik_persoon

        union all

        select
            jaar,
            niveau,
            persoon_id,
            domein,
            categorie,
            'kosten' as maat,
            kosten as waarde
        from gebruik_persoon

    ),

    {{ indirecte_standaardisatie(
        populatie='populatie',
        maten='maten',
        eenheid='regiocode',
        regio=none,
        groepen=['leeftijdsklasse', 'geslacht'],
        partitie=['jaar', 'niveau'],
        persoon='persoon_id',
        maat=['domein', 'categorie', 'maat']
    ) }}

),

-- The expected totals are sums of doubles, which engines add in different orders: fixed to six
-- decimals here, so the figures rounded from them below round a tie alike on every engine (an
-- expected 996.15 per 1,000 is 996.2 on DuckDB and Spark, not 996.1 on one of them).
verwacht as (

    select
        jaar,
        niveau,
        regiocode,
        domein,
        categorie,
        cast(sum(case when maat = 'gebruikers' then verwacht_nederland end) as decimal(24, 6))
            as verwachte_gebruikers,
        cast(sum(case when maat = 'kosten' then verwacht_nederland end) as decimal(24, 6)) as verwachte_kosten
    from verwacht_per_maat
    group by jaar, niveau, regiocode, domein, categorie

)

select
    cast(cellen.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cellen.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cellen.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cellen.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cellen.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(cellen.zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cellen.domein as {{ dbt.type_string() }}) as domein,
    cast(cellen.categorie as {{ dbt.type_string() }}) as categorie,
    cast(cellen.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(inwoners.inwoners as {{ dbt.type_bigint() }}) as inwoners,
    cast(cellen.kosten as decimal(18, 2)) as kosten,
    cast({{ quotient_afgerond('1000 * cellen.aantal_personen', 'inwoners.inwoners', 1) }} as decimal(14, 1))
        as gebruikers_per_1000_inwoners,
    cast({{ quotient_afgerond('cellen.kosten', 'inwoners.inwoners', 2) }} as decimal(14, 2)) as kosten_per_inwoner,
    cast(
        case
            when cellen.zichtbaar_voor_gemeentecode is null
                then {{ quotient_afgerond('1000 * verwacht.verwachte_gebruikers', 'inwoners.inwoners', 1) }}
        end
        as decimal(14, 1)
    ) as landelijk_gestandaardiseerd_gebruikers_per_1000_inwoners,
    cast(
        case
            when cellen.zichtbaar_voor_gemeentecode is null
                then {{ quotient_afgerond('verwacht.verwachte_kosten', 'inwoners.inwoners', 2) }}
        end
        as decimal(14, 2)
    ) as landelijk_gestandaardiseerd_kosten_per_inwoner
from cellen
inner join inwoners
    on
        cellen.jaar = inwoners.jaar
        and cellen.regiocode = inwoners.regiocode
left join verwacht
    on
        cellen.jaar = verwacht.jaar
        and cellen.niveau = verwacht.niveau
        and cellen.regiocode = verwacht.regiocode
        and cellen.domein = verwacht.domein
        and cellen.categorie = verwacht.categorie
