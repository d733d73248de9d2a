{#-
    GGZ waiting times: one row per measurement (provider, vestiging, peildatum, diagnosis group) of
    the latest delivery of each provider and month, placed in the gemeente of the vestiging and its
    GGD region, with whether each waiting time is within the Treeknorm (seed ggz_treeknormen).
    Rules in the yml.
-#}
with metingen as (

    select
        aanbieder_agb,
        vestiging_agb,
        peildatum,
        diagnosegroep,
        aanmeldwachttijd_dagen,
        behandelwachttijd_dagen
    from ({{ laatste_aanlevering('stg_ggz_wachttijden__ggz_wachttijden', 'leveringsmaand') }}) as wachttijden

),

vestigingen as (

    select
        register.vestiging_agb,
        register.gemeentecode,
        register.begindatum as geldig_van,
        register.einddatum as geldig_tot
    from ({{ laatste_agb_snapshot('stg_agb_register__vestigingen') }}) as register

),

-- The gemeente of the vestiging on the peildatum: its register row active then, else the one that
-- began last.
geplaatst as (

    select
        metingen.*,
        vestigingen.gemeentecode,
        row_number() over (
            partition by metingen.aanbieder_agb, metingen.vestiging_agb, metingen.peildatum, metingen.diagnosegroep
            order by
                case when {{ agb_actief_op('vestigingen', 'metingen.peildatum') }} then 0 else 1 end asc,
                vestigingen.geldig_van desc
        ) as volgorde
    from metingen
    left join vestigingen
        on metingen.vestiging_agb = vestigingen.vestiging_agb

),

normen as (

    select
        max(case when wachttijdsoort = 'aanmeldwachttijd' then norm_dagen end) as aanmeld_norm_dagen,
        max(case when wachttijdsoort = 'behandelwachttijd' then norm_dagen end) as behandel_norm_dagen
    from {{ ref('ggz_treeknormen') }}

)

select
    cast(extract(year from geplaatst.peildatum) as {{ dbt.type_int() }}) as jaar,
    geplaatst.peildatum,
    geplaatst.aanbieder_agb,
    geplaatst.vestiging_agb,
    geplaatst.gemeentecode,
    regio.ggd_regio_code,
    geplaatst.diagnosegroep,
    geplaatst.aanmeldwachttijd_dagen,
    geplaatst.behandelwachttijd_dagen,
    geplaatst.aanmeldwachttijd_dagen <= normen.aanmeld_norm_dagen as is_aanmeld_binnen_treeknorm,
    geplaatst.behandelwachttijd_dagen <= normen.behandel_norm_dagen as is_behandel_binnen_treeknorm
from geplaatst
cross join normen
left join {{ ref('int_regio__gemeente') }} as regio
    on geplaatst.gemeentecode = regio.gemeentecode
where geplaatst.volgorde = 1
