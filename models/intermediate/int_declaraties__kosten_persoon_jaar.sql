{#-
    Zvw costs per person, treatment year and zorgstroom: the sum of the current claim lines. The one
    place of that sum, read by the Gemeentezorgspiegel's care use and the Praktijkspiegel's costs
    per stream, so the claim lines are read once for both. Rules in the yml.
-#}
select
    cast(behandeljaar as {{ dbt.type_int() }}) as jaar,
    persoon_id,
    zorgstroom,
    cast(sum(bedrag) as decimal(18, 2)) as kosten
from {{ ref('int_declaraties__actueel') }}
group by behandeljaar, persoon_id, zorgstroom
