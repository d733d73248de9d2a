{#-
    Every current claim line of a GP contract module (seed zorginkoop_modules), classified into
    module and component, with the contract fit check. ALL zorginkoop rules live here; see the yml.
-#}

with modules as (

    select
        module,
        component,
        prestatiecode,
        geldig_vanaf,
        geldig_tot,
        vereiste_kwalificatie,
        coulance_tot
    from {{ ref('zorginkoop_modules') }}

),

-- CVRM: from the first day of the combined component, VVR and HVZ patients are one group.
cvrm_een_groep as (

    select min(geldig_vanaf) as vanaf
    from modules
    where module = 'cvrm' and component = 'vvr_en_hvz'

),

regels as (

    select
        declaraties.uzovi,
        declaraties.regel_id,
        declaraties.declarant_agb as praktijk_agb,
        declaraties.zorgverlener_agb,
        declaraties.persoon_id,
        declaraties.prestatiecode,
        declaraties.begindatum,
        declaraties.bedrag,
        modules.module,
        modules.component as gedeclareerde_component,
        modules.geldig_vanaf,
        modules.geldig_tot,
        modules.vereiste_kwalificatie,
        modules.coulance_tot,
        cast(extract(year from declaraties.begindatum) as {{ dbt.type_int() }}) as jaar,
        cast(extract(quarter from declaraties.begindatum) as {{ dbt.type_int() }}) as kwartaalnummer,
        case
            when modules.module = 'cvrm' and declaraties.begindatum >= cvrm_een_groep.vanaf
                then 'vvr_en_hvz'
            else modules.component
        end as component
    from {{ ref('int_declaraties__actueel') }} as declaraties
    inner join modules
        on declaraties.prestatiecode = modules.prestatiecode
    cross join cvrm_een_groep

),

-- Lines whose zorgverlener holds the module's required kwalificatie in the AGB register on the claim
-- date, wherever the provider works (a qualification belongs to the person, not to a vestiging).
-- Joins the claim lines and the modules itself instead of reading regels: DuckDB materializes a CTE
-- that is referenced more than once, with all its columns.
gekwalificeerd as (

    select distinct
        declaraties.uzovi,
        declaraties.regel_id
    from {{ ref('int_declaraties__actueel') }} as declaraties
    inner join modules
        on declaraties.prestatiecode = modules.prestatiecode
    inner join {{ ref('int_agb__zorgverlener_kwalificaties') }} as kwalificaties
        on
            declaraties.zorgverlener_agb = kwalificaties.zorgverlener_agb
            and modules.vereiste_kwalificatie = kwalificaties.kwalificatiecode
    where {{ agb_actief_op('kwalificaties', 'declaraties.begindatum') }}

),

getoetst as (

    select
        regels.*,
        case
            when regels.module = 'cvrm' and regels.begindatum > regels.geldig_tot
                then 'cvrm_oude_indeling_na_juli_2020'
            when regels.begindatum < regels.geldig_vanaf or regels.begindatum > regels.geldig_tot
                then 'component_buiten_geldigheid'
            when
                regels.vereiste_kwalificatie is not null
                and gekwalificeerd.regel_id is null
                and (regels.coulance_tot is null or regels.begindatum > regels.coulance_tot)
                then {{ dbt.concat(['regels.module', "'_zonder_kwalificatie'"]) }}
        end as afwijking_reden
    from regels
    left join gekwalificeerd
        on
            regels.uzovi = gekwalificeerd.uzovi
            and regels.regel_id = gekwalificeerd.regel_id

)

select
    uzovi,
    regel_id,
    praktijk_agb,
    zorgverlener_agb,
    persoon_id,
    prestatiecode,
    begindatum,
    cast(bedrag as decimal(14, 2)) as bedrag,
    {{ dbt.concat([
        "cast(jaar as " ~ dbt.type_string() ~ ")",
        "'-Q'",
        "cast(kwartaalnummer as " ~ dbt.type_string() ~ ")"
    ]) }} as kwartaal,
    {{ make_date('jaar', '(kwartaalnummer - 1) * 3 + 1', 1) }} as kwartaal_begin,
    module,
    component,
    gedeclareerde_component,
    afwijking_reden is not null as is_afwijkend,
    afwijking_reden
from getoetst
