-- Every gemeente must have exactly one row per regio_indeling in gemeente_regio,
-- and gemeente_regio may hold no gemeente outside cbs_gemeenten.
-- Returns the offending (gemeentecode, regio_indeling) pairs; no rows = pass.
{{ config(tags=['reference']) }}

-- A union of literals rather than unnest(), so the test also runs on Spark.
with indelingen as (
    select 'provincie' as regio_indeling
    union all
    select 'ggd_regio'
    union all
    select 'arbeidsmarktregio'
    union all
    select 'hechte_huisartsenzorg'
),

verwacht as (
    select
        g.gemeentecode,
        i.regio_indeling
    from {{ ref('cbs_gemeenten') }} as g
    cross join indelingen as i
),

aanwezig as (
    select
        gemeentecode,
        regio_indeling,
        count(*) as aantal
    from {{ ref('gemeente_regio') }}
    group by gemeentecode, regio_indeling
)

select
    coalesce(v.gemeentecode, a.gemeentecode) as gemeentecode,
    coalesce(v.regio_indeling, a.regio_indeling) as regio_indeling,
    coalesce(a.aantal, 0) as aantal
from verwacht as v
full outer join aanwezig as a
    on
        v.gemeentecode = a.gemeentecode
        and v.regio_indeling = a.regio_indeling
where coalesce(a.aantal, 0) <> 1 or v.gemeentecode is null
