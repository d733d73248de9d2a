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
        count(distinct persoon_id) as aantal_personen,
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

-- Indirect age/sex standardisation: the national users and costs per inhabitant of each age class
-- and sex, weighted with the region's own inhabitants of that class and sex (national and
-- gemeente level; not for data delivered by a gemeente, which has no national figure).
bevolking_klasse as (

    select
        jaar,
        niveau,
        regiocode,
        leeftijdsklasse,
        geslacht,
        count(*) as inwoners
    from {{ ref('int_gemeentezorgspiegel__inwoner_regio') }}
    where niveau in ('nl', 'gemeente')
    group by jaar, niveau, regiocode, leeftijdsklasse, geslacht

),

landelijk_klasse as (

    select
        jaar,
        domein,
        categorie,
        leeftijdsklasse,
        geslacht,
        count(distinct persoon_id) as gebruikers,
        coalesce(sum(kosten), 0) as kosten
    from geplaatst
    where niveau = 'nl'
    group by jaar, domein, categorie, leeftijdsklasse, geslacht

),

verwacht as (

    select
        regio.jaar,
        regio.regiocode,
        landelijk.domein,
        landelijk.categorie,
        sum(1.0 * regio.inwoners * landelijk.gebruikers / nederland.inwoners) as verwachte_gebruikers,
        sum(1.0 * regio.inwoners * landelijk.kosten / nederland.inwoners) as verwachte_kosten
    from bevolking_klasse as regio
    inner join bevolking_klasse as nederland
        on
            regio.jaar = nederland.jaar
            and regio.leeftijdsklasse = nederland.leeftijdsklasse
            and regio.geslacht = nederland.geslacht
            and nederland.niveau = 'nl'
    inner join landelijk_klasse as landelijk
        on
            regio.jaar = landelijk.jaar
            and regio.leeftijdsklasse = landelijk.leeftijdsklasse
            and regio.geslacht = landelijk.geslacht
    group by regio.jaar, regio.regiocode, landelijk.domein, landelijk.categorie

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
    cast(1000.0 * cellen.aantal_personen / inwoners.inwoners as decimal(14, 1)) as gebruikers_per_1000_inwoners,
    cast(1.0 * cellen.kosten / inwoners.inwoners as decimal(14, 2)) as kosten_per_inwoner,
    cast(
        case
            when cellen.zichtbaar_voor_gemeentecode is null
                then 1000.0 * verwacht.verwachte_gebruikers / inwoners.inwoners
        end
        as decimal(14, 1)
    ) as landelijk_gestandaardiseerd_gebruikers_per_1000_inwoners,
    cast(
        case when cellen.zichtbaar_voor_gemeentecode is null then verwacht.verwachte_kosten / inwoners.inwoners end
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
        and cellen.regiocode = verwacht.regiocode
        and cellen.domein = verwacht.domein
        and cellen.categorie = verwacht.categorie
