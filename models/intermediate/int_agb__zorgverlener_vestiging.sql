{#-
    The AGB register as of any date: per care provider, vestiging and kwalificatie the periods in
    which all five parts are active (zorgverlener, werkrelatie, vestiging, its onderneming and the
    provider's kwalificatie). Use with macro agb_actief_op. Rules in the yml.
-#}

with zorgverleners as (

    select
        register.zorgverlener_agb,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__zorgverleners') }}) as register

),

werkrelaties as (

    select
        register.zorgverlener_agb,
        register.vestiging_agb,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__werkrelaties') }}) as register

),

vestigingen as (

    select
        register.vestiging_agb,
        register.onderneming_agb,
        register.postcode,
        register.gemeentecode,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__vestigingen') }}) as register

),

ondernemingen as (

    select
        register.onderneming_agb,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__ondernemingen') }}) as register

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

-- The intersection of the five active intervals; empty intersections are dropped.
doorsnede as (

    select
        zorgverleners.zorgverlener_agb,
        kwalificaties.kwalificatiecode,
        vestigingen.vestiging_agb,
        vestigingen.onderneming_agb,
        vestigingen.gemeentecode,
        vestigingen.postcode,
        greatest(
            zorgverleners.begindatum, werkrelaties.begindatum, vestigingen.begindatum,
            ondernemingen.begindatum, kwalificaties.begindatum
        ) as geldig_van,
        least(
            zorgverleners.einddatum, werkrelaties.einddatum, vestigingen.einddatum,
            ondernemingen.einddatum, kwalificaties.einddatum
        ) as geldig_tot
    from zorgverleners
    inner join werkrelaties
        on zorgverleners.zorgverlener_agb = werkrelaties.zorgverlener_agb
    inner join vestigingen
        on werkrelaties.vestiging_agb = vestigingen.vestiging_agb
    inner join ondernemingen
        on vestigingen.onderneming_agb = ondernemingen.onderneming_agb
    inner join kwalificaties
        on zorgverleners.zorgverlener_agb = kwalificaties.zorgverlener_agb

),

niet_leeg as (

    select *
    from doorsnede
    where geldig_van <= geldig_tot

),

-- The register may hold the same werkrelatie twice or overlapping periods of one entity: merge
-- overlapping or adjacent intervals of the same combination (same attributes) into one row, so a
-- provider is never counted twice on a date.
samengevoegd as (

    {{ merge_intervals('niet_leeg', [
        'zorgverlener_agb', 'kwalificatiecode', 'vestiging_agb', 'onderneming_agb', 'gemeentecode', 'postcode'
    ]) }}

)

select
    zorgverlener_agb,
    kwalificatiecode,
    vestiging_agb,
    onderneming_agb,
    gemeentecode,
    postcode,
    geldig_van,
    case when geldig_tot < {{ open_einde() }} then geldig_tot end as geldig_tot
from samengevoegd
