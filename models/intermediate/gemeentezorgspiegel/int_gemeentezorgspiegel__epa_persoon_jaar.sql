{#-
    The persons with EPA (ernstige psychiatrische aandoening) per year, by the seed-driven definition
    of seed epa_criteria (age, EPA diagnosis group, duration in consecutive years, care intensity),
    with their GGZ use and Zvw costs. The one place of the EPA rule. Rules in the yml.
-#}
with criteria as (

    select
        max(case when criterium = 'min_leeftijd' then waarde end) as min_leeftijd,
        max(case when criterium = 'min_jaren_zorg' then waarde end) as min_jaren_zorg,
        max(case when criterium = 'min_ggz_contacten' then waarde end) as min_ggz_contacten,
        max(case when criterium = 'min_verblijfsdagen' then waarde end) as min_verblijfsdagen
    from {{ ref('epa_criteria') }}

),

ggz_stromen as (

    select zorgstroom
    from {{ ref('zorgstromen') }}
    where zorgcategorie = 'Mental health (GGZ)'

),

-- GGZ use per person and treatment year: any line with an EPA diagnosis group, consults, stay days
-- and costs.
ggz as (

    select
        declaraties.behandeljaar as jaar,
        declaraties.persoon_id,
        max(case when diagnosegroepen.is_epa_diagnose then 1 else 0 end) as heeft_epa_diagnose,
        sum(case when declaraties.zorgstroom = 'ggz_consulten' then declaraties.aantal else 0 end) as ggz_contacten,
        sum(case when declaraties.zorgstroom = 'ggz_verblijf' then declaraties.aantal else 0 end) as verblijfsdagen,
        sum(declaraties.bedrag) as kosten_ggz
    from {{ ref('int_declaraties__actueel') }} as declaraties
    inner join ggz_stromen
        on declaraties.zorgstroom = ggz_stromen.zorgstroom
    left join {{ ref('ggz_diagnosegroepen') }} as diagnosegroepen
        on declaraties.diagnosecode = diagnosegroepen.diagnosegroep
    group by declaraties.behandeljaar, declaraties.persoon_id

),

-- Duration: the number of the min_jaren_zorg years up to and including the year with an EPA
-- diagnosis line.
duur as (

    select
        dit_jaar.jaar,
        dit_jaar.persoon_id,
        count(distinct eerder.jaar) as jaren_met_epa_diagnose
    from ggz as dit_jaar
    cross join criteria
    inner join ggz as eerder
        on
            dit_jaar.persoon_id = eerder.persoon_id
            and eerder.jaar between dit_jaar.jaar - criteria.min_jaren_zorg + 1 and dit_jaar.jaar
            and eerder.heeft_epa_diagnose = 1
    where dit_jaar.heeft_epa_diagnose = 1
    group by dit_jaar.jaar, dit_jaar.persoon_id

),

zvw as (

    select
        jaar,
        persoon_id,
        sum(kosten) as kosten_zvw
    from {{ ref('int_gemeentezorgspiegel__zorggebruik_persoon') }}
    where domein = 'zvw'
    group by jaar, persoon_id

)

select
    ggz.jaar,
    ggz.persoon_id,
    cast(ggz.ggz_contacten as {{ dbt.type_bigint() }}) as ggz_contacten,
    cast(ggz.verblijfsdagen as {{ dbt.type_bigint() }}) as verblijfsdagen,
    cast(ggz.kosten_ggz as decimal(18, 2)) as kosten_ggz,
    cast(coalesce(zvw.kosten_zvw, 0) as decimal(18, 2)) as kosten_zvw
from ggz
cross join criteria
inner join duur
    on
        ggz.jaar = duur.jaar
        and ggz.persoon_id = duur.persoon_id
inner join {{ ref('int_personen__jaar') }} as personen
    on
        ggz.jaar = personen.jaar
        and ggz.persoon_id = personen.persoon_id
left join zvw
    on
        ggz.jaar = zvw.jaar
        and ggz.persoon_id = zvw.persoon_id
where
    personen.leeftijd >= criteria.min_leeftijd
    and duur.jaren_met_epa_diagnose >= criteria.min_jaren_zorg
    and (ggz.ggz_contacten >= criteria.min_ggz_contacten or ggz.verblijfsdagen >= criteria.min_verblijfsdagen)
