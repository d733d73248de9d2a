{#-
    Unsuppressed cells of Zorggebruik: per year, region (nl, gemeente, wijk, buurt), domain (zvw,
    wlz, wmo, jeugdwet) and category (zorgstroom, Wlz sector, voorziening, hulpvorm, and the domain
    total '(totaal)'): users, costs, inhabitants, the ratios, and the national value standardised to
    the region's age/sex mix, all from the sums per buurt, age class and sex
    (int_gemeentezorgspiegel__zorggebruik_buurt). Rules in the yml.
-#}
with buurten as (

    select
        jaar,
        gemeentecode,
        wijkcode,
        buurtcode,
        zichtbaar_voor_gemeentecode,
        leeftijdsklasse,
        geslacht,
        domein,
        categorie,
        aantal_personen,
        kosten
    from {{ ref('int_gemeentezorgspiegel__zorggebruik_buurt') }}

),

niveaus as (

    {{ gzs_niveaus() }}

),

-- Every buurt row counted once at each level of its region hierarchy (macro gzs_regio_op_niveau, which
-- places the inhabitants too), then summed: a person lives
-- in one buurt, so the persons of a wijk, gemeente or the country are the sums of its buurten'
-- persons. A gemeente's own data (zichtbaar_voor_gemeentecode) stays in cells of its own and never
-- counts nationally.
geplaatst as (

    select
        buurten.jaar,
        niveaus.niveau,
        {{ gzs_regio_op_niveau('buurten') }},
        buurten.zichtbaar_voor_gemeentecode,
        buurten.domein,
        buurten.categorie,
        buurten.aantal_personen,
        buurten.kosten
    from buurten
    cross join niveaus
    where niveaus.niveau != 'nl' or buurten.zichtbaar_voor_gemeentecode is null

),

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
        sum(aantal_personen) as aantal_personen,
        sum(kosten) as kosten
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

-- Indirect age/sex standardisation (macro indirecte_standaardisatie_uit_sommen, the one
-- implementation, here from sums): the national users and costs per inhabitant of each age class
-- and sex, weighted with the region's own inhabitants of that class and sex (national and gemeente
-- level; not for data delivered by a gemeente, which has no national figure). Partitioned by niveau:
-- every inhabitant is in the population once at niveau nl and once at niveau gemeente, so each
-- level's reference is the whole country. Measures: gebruikers (1 per user of the domain and
-- category) and kosten.
verwacht_per_maat as (

    with groep_regio as (

        select
            jaar,
            niveau,
            regiocode,
            leeftijdsklasse,
            geslacht,
            count(*) as patienten
        from {{ ref('int_gemeentezorgspiegel__inwoner_regio') }}
        where niveau in ('nl', 'gemeente')
        group by jaar, niveau, regiocode, leeftijdsklasse, geslacht

    ),

    som_gemeente as (

        select
            jaar,
            gemeentecode as regiocode,
            leeftijdsklasse,
            geslacht,
            domein,
            categorie,
            sum(aantal_personen) as gebruikers,
            sum(kosten) as kosten
        from buurten
        where zichtbaar_voor_gemeentecode is null
        group by jaar, gemeentecode, leeftijdsklasse, geslacht, domein, categorie

    ),

    som_niveau as (

        select
            jaar,
            'gemeente' as niveau,
            regiocode,
            leeftijdsklasse,
            geslacht,
            domein,
            categorie,
            gebruikers,
            kosten
        from som_gemeente

        union all

        select
            jaar,
            'nl' as niveau,
            'NL' as regiocode,
            leeftijdsklasse,
            geslacht,
            domein,
            categorie,
            sum(gebruikers) as gebruikers,
            sum(kosten) as kosten
        from som_gemeente
        group by jaar, leeftijdsklasse, geslacht, domein, categorie

    ),

    som_regio as (

        select
            jaar,
            niveau,
            regiocode,
            leeftijdsklasse,
            geslacht,
            domein,
            categorie,
            'gebruikers' as maat,
            gebruikers as waarde
        from som_niveau

        union all

        select
            jaar,
            niveau,
            regiocode,
            leeftijdsklasse,
            geslacht,
            domein,
            categorie,
            'kosten' as maat,
            kosten as waarde
        from som_niveau

    ),

    {{ indirecte_standaardisatie_uit_sommen(
        groep_eenheid='groep_regio',
        som_groep_eenheid='som_regio',
        eenheid='regiocode',
        regio=none,
        groepen=['leeftijdsklasse', 'geslacht'],
        partitie=['jaar', 'niveau'],
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
