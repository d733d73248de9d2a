{#-
    Unsuppressed cells of the EPA monitor: adults with EPA (int_gemeentezorgspiegel__epa_persoon_jaar)
    per year and region (nl, gemeente, wijk): their number, prevalence per 1,000 inhabitants of 18
    and over, GGZ and total Zvw costs. Rules in the yml.
-#}
with cellen as (

    select
        regio.jaar,
        regio.niveau,
        regio.regiocode,
        regio.gemeentecode,
        regio.bovenliggende_regiocode,
        count(distinct epa.persoon_id) as aantal_personen,
        sum(epa.kosten_ggz) as kosten_ggz,
        sum(epa.kosten_zvw) as kosten_zvw
    from {{ ref('int_gemeentezorgspiegel__epa_persoon_jaar') }} as epa
    inner join {{ ref('int_gemeentezorgspiegel__inwoner_regio') }} as regio
        on
            epa.jaar = regio.jaar
            and epa.persoon_id = regio.persoon_id
    where regio.niveau in ('nl', 'gemeente', 'wijk')
    group by regio.jaar, regio.niveau, regio.regiocode, regio.gemeentecode, regio.bovenliggende_regiocode

)

select
    cast(cellen.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cellen.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cellen.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cellen.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cellen.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(null as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cellen.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast({{ quotient_afgerond('1000 * cellen.aantal_personen', 'volwassenen.aantal_personen', 1) }} as decimal(14, 1))
        as patienten_per_1000_inwoners_18plus,
    cast(cellen.kosten_ggz as decimal(18, 2)) as kosten_ggz,
    cast(cellen.kosten_zvw as decimal(18, 2)) as kosten_zvw,
    cast(
        {{ quotient_afgerond('cellen.kosten_zvw', 'cellen.aantal_personen', 2) }}
        as decimal(14, 2)
    ) as kosten_zvw_per_patient
from cellen
inner join {{ ref('int_gemeentezorgspiegel__cellen_inwoners') }} as volwassenen
    on
        cellen.jaar = volwassenen.jaar
        and cellen.regiocode = volwassenen.regiocode
        and volwassenen.leeftijdsgroep = '18+'
