{#-
    Care use per person, year, domain (the four laws) and category: Zvw claims per zorgstroom, Wlz
    care per sector of the zorgprofiel, Wmo voorzieningen and Jeugdwet hulpvormen, with their costs.
    Jeugdwet rows carry the gemeente that delivered them (aanleverende_gemeentecode): only that
    gemeente may see them. Rules in the yml.
-#}
with zvw as (

    select
        behandeljaar as jaar,
        persoon_id,
        'zvw' as domein,
        zorgstroom as categorie,
        cast(null as {{ dbt.type_string() }}) as aanleverende_gemeentecode,
        sum(bedrag) as kosten
    from {{ ref('int_declaraties__actueel') }}
    group by behandeljaar, persoon_id, zorgstroom

),

wlz as (

    select
        cast(substring(wlz_zorg.leveringsmaand, 1, 4) as {{ dbt.type_int() }}) as jaar,
        wlz_zorg.persoon_id,
        'wlz' as domein,
        profielen.sector as categorie,
        cast(null as {{ dbt.type_string() }}) as aanleverende_gemeentecode,
        sum(wlz_zorg.kosten) as kosten
    from ({{ laatste_aanlevering('stg_wlz_zorg__wlz_zorg', 'leveringsmaand') }}) as wlz_zorg
    inner join {{ ref('wlz_zorgprofielen') }} as profielen
        on wlz_zorg.zorgprofiel = profielen.zorgprofiel
    group by substring(wlz_zorg.leveringsmaand, 1, 4), wlz_zorg.persoon_id, profielen.sector

),

wmo as (

    select
        leveringsjaar as jaar,
        persoon_id,
        'wmo' as domein,
        voorziening as categorie,
        cast(null as {{ dbt.type_string() }}) as aanleverende_gemeentecode,
        sum(kosten) as kosten
    from ({{ laatste_aanlevering('stg_wmo_voorzieningen__wmo_voorzieningen', 'leveringsjaar') }}) as wmo
    group by leveringsjaar, persoon_id, voorziening

),

jeugdwet as (

    select
        leveringsjaar as jaar,
        persoon_id,
        'jeugdwet' as domein,
        hulpvorm as categorie,
        leverancier as aanleverende_gemeentecode,
        sum(kosten) as kosten
    from ({{ laatste_aanlevering('stg_jeugdwet_trajecten__jeugdwet_trajecten', 'leveringsjaar') }}) as jeugdwet
    group by leveringsjaar, persoon_id, hulpvorm, leverancier

),

gebruik as (

    select * from zvw
    union all
    select * from wlz
    union all
    select * from wmo
    union all
    select * from jeugdwet

)

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    persoon_id,
    domein,
    categorie,
    aanleverende_gemeentecode,
    cast(kosten as decimal(18, 2)) as kosten
from gebruik
