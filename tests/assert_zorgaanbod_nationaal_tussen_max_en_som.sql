-- Per (peildatum, zorgsoort, zorgspecialisme) of mart zorgaanbod__gemeente the national count of
-- zorgverleners and of vestigingen lies between the largest gemeente count (nobody is lost) and
-- the sum of the gemeente counts (a provider in several gemeenten counts once nationally).
-- Returns the offending combinations; no rows = pass.
with gemeenten as (

    select
        peildatum,
        zorgsoort,
        zorgspecialisme,
        max(aantal_zorgverleners) as max_zorgverleners,
        sum(aantal_zorgverleners) as som_zorgverleners,
        max(aantal_vestigingen) as max_vestigingen,
        sum(aantal_vestigingen) as som_vestigingen
    from {{ ref('zorgaanbod__gemeente') }}
    where niveau = 'gemeente'
    group by peildatum, zorgsoort, zorgspecialisme

),

nederland as (

    select
        peildatum,
        zorgsoort,
        zorgspecialisme,
        aantal_zorgverleners,
        aantal_vestigingen
    from {{ ref('zorgaanbod__gemeente') }}
    where niveau = 'nederland'

)

select
    coalesce(nederland.peildatum, gemeenten.peildatum) as peildatum,
    coalesce(nederland.zorgsoort, gemeenten.zorgsoort) as zorgsoort,
    coalesce(nederland.zorgspecialisme, gemeenten.zorgspecialisme) as zorgspecialisme,
    nederland.aantal_zorgverleners,
    gemeenten.max_zorgverleners,
    gemeenten.som_zorgverleners,
    nederland.aantal_vestigingen,
    gemeenten.max_vestigingen,
    gemeenten.som_vestigingen
from nederland
full outer join gemeenten
    on
        nederland.peildatum = gemeenten.peildatum
        and nederland.zorgsoort = gemeenten.zorgsoort
        and nederland.zorgspecialisme = gemeenten.zorgspecialisme
where
    nederland.peildatum is null
    or gemeenten.peildatum is null
    or nederland.aantal_zorgverleners < gemeenten.max_zorgverleners
    or nederland.aantal_zorgverleners > gemeenten.som_zorgverleners
    or nederland.aantal_vestigingen < gemeenten.max_vestigingen
    or nederland.aantal_vestigingen > gemeenten.som_vestigingen
