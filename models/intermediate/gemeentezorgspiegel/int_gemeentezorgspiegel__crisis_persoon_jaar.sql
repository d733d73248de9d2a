{#-
    GGZ crisis care per person and year: crisis treatments and crisis stay days (the prestaties of
    seed ggz_crisisprestaties) on current Zvw claim lines, with their costs. Rules in the yml.
-#}
select
    declaraties.behandeljaar as jaar,
    declaraties.persoon_id,
    cast(sum(case when crisis.soort = 'behandeling' then declaraties.aantal else 0 end) as {{ dbt.type_bigint() }})
        as crisisbehandelingen,
    cast(sum(case when crisis.soort = 'verblijf' then declaraties.aantal else 0 end) as {{ dbt.type_bigint() }})
        as verblijfsdagen,
    cast(sum(declaraties.bedrag) as decimal(18, 2)) as kosten
from {{ ref('int_declaraties__actueel') }} as declaraties
inner join {{ ref('ggz_crisisprestaties') }} as crisis
    on
        declaraties.zorgstroom = crisis.zorgstroom
        and declaraties.prestatiecode = crisis.prestatiecode
group by declaraties.behandeljaar, declaraties.persoon_id
