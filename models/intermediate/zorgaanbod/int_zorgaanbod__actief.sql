{#-
    The care providers the Dashboard Zorgaanbod counts on each AGB snapshot date: who is active on
    the date at which vestiging, and as which zorgsoort and zorgspecialisme. Rules in the yml.
-#}

with register as (

    select
        zorgverlener_agb,
        kwalificatiecode,
        vestiging_agb,
        gemeentecode,
        geldig_van,
        geldig_tot
    from {{ ref('int_agb__zorgverlener_vestiging') }}

),

snapshots as (

    select peildatum
    from {{ ref('stg_agb_register__zorgverleners') }}

),

agb_kwalificaties as (

    select
        kwalificatiecode,
        entiteit,
        zorgsoort,
        zorgspecialisme
    from {{ ref('agb_kwalificaties') }}

),

peildata as (

    select distinct peildatum
    from snapshots

),

-- Only qualifications of persons (entiteit zorgverlener) classify a provider; practice codes
-- (entiteit onderneming) never count here.
kwalificaties as (

    select
        kwalificatiecode,
        zorgsoort,
        zorgspecialisme
    from agb_kwalificaties
    where entiteit = 'zorgverlener'

)

select
    peildata.peildatum,
    register.zorgverlener_agb,
    register.vestiging_agb,
    register.gemeentecode,
    register.kwalificatiecode,
    kwalificaties.zorgsoort,
    kwalificaties.zorgspecialisme
from peildata
inner join register
    on {{ agb_actief_op('register', 'peildata.peildatum') }}
inner join kwalificaties
    on register.kwalificatiecode = kwalificaties.kwalificatiecode
