-- Gemeentezorgspiegel: Jeugdwet data is visible to the gemeente that delivered it only. Reconciled
-- with the source: per year and gemeente, the unsuppressed Jeugdwet total at niveau gemeente equals
-- what THIS gemeente delivered (its latest delivery of the year, leverancier = gemeente) for its own
-- inhabitants on 1 July - persons and costs - so no other gemeente's delivery is in it. And no
-- Jeugdwet figure exists anywhere else: not nationally, not in a row visible to another gemeente,
-- not in any other mart (their zichtbaar_voor_gemeentecode is always null, tested on each mart).
-- Returns the rows that do not hold.
with geleverd as (

    select
        jeugdwet.leveringsjaar as jaar,
        jeugdwet.leverancier as gemeentecode,
        count(distinct jeugdwet.persoon_id) as aantal_personen,
        sum(jeugdwet.kosten) as kosten
    from ({{ laatste_aanlevering('stg_jeugdwet_trajecten__jeugdwet_trajecten', 'leveringsjaar') }}) as jeugdwet
    inner join {{ ref('int_personen__jaar') }} as personen
        on
            jeugdwet.persoon_id = personen.persoon_id
            and jeugdwet.leveringsjaar = personen.jaar
            and jeugdwet.leverancier = personen.gemeentecode
    where personen.is_verzekerde_1_juli
    group by jeugdwet.leveringsjaar, jeugdwet.leverancier

),

gespiegeld as (

    select
        jaar,
        gemeentecode,
        aantal_personen,
        kosten
    from {{ ref('int_gemeentezorgspiegel__cellen_zorggebruik') }}
    where domein = 'jeugdwet' and categorie = '(totaal)' and niveau = 'gemeente'

)

select
    coalesce(geleverd.jaar, gespiegeld.jaar) as jaar,
    coalesce(geleverd.gemeentecode, gespiegeld.gemeentecode) as gemeentecode,
    'totaal wijkt af van wat de gemeente zelf leverde' as fout
from geleverd
full outer join gespiegeld
    on
        geleverd.jaar = gespiegeld.jaar
        and geleverd.gemeentecode = gespiegeld.gemeentecode
where
    geleverd.aantal_personen is null
    or gespiegeld.aantal_personen is null
    or geleverd.aantal_personen != gespiegeld.aantal_personen
    or geleverd.kosten != gespiegeld.kosten

union all

select
    jaar,
    regiocode as gemeentecode,
    'Jeugdwet zichtbaar buiten de eigen gemeente' as fout
from {{ ref('gemeentezorgspiegel__zorggebruik') }}
where
    domein = 'jeugdwet'
    and (niveau = 'nl' or zichtbaar_voor_gemeentecode is null or zichtbaar_voor_gemeentecode != gemeentecode)
