{#-
    The AGB qualifications of each care provider as of any date: the periods in which both the
    provider and the qualification are registered, wherever the provider works. Use with macro
    agb_actief_op. Rules in the yml.
-#}

with zorgverleners as (

    select
        register.zorgverlener_agb,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__zorgverleners') }}) as register

),

kwalificaties as (

    select
        register.agb_code as zorgverlener_agb,
        register.kwalificatiecode,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__kwalificaties') }}) as register
    where register.entiteit = 'zorgverlener'

),

doorsnede as (

    select
        zorgverleners.zorgverlener_agb,
        kwalificaties.kwalificatiecode,
        greatest(zorgverleners.begindatum, kwalificaties.begindatum) as geldig_van,
        least(zorgverleners.einddatum, kwalificaties.einddatum) as geldig_tot
    from zorgverleners
    inner join kwalificaties
        on zorgverleners.zorgverlener_agb = kwalificaties.zorgverlener_agb

),

niet_leeg as (

    select *
    from doorsnede
    where geldig_van <= geldig_tot

),

samengevoegd as (

    {{ merge_intervals('niet_leeg', ['zorgverlener_agb', 'kwalificatiecode']) }}

)

select
    zorgverlener_agb,
    kwalificatiecode,
    geldig_van,
    case when geldig_tot < {{ open_einde() }} then geldig_tot end as geldig_tot
from samengevoegd
