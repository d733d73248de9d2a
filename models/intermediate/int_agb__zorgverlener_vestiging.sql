{#-
    The AGB register as of any date: per care provider, vestiging and kwalificatie the periods in
    which all five parts are active (zorgverlener, werkrelatie, vestiging, its onderneming and the
    provider's kwalificatie). Use with macro agb_actief_op. Rules in the yml.
-#}

-- The provider and its qualification, both active: one rule, in int_agb__zorgverlener_kwalificaties.
with kwalificaties as (

    select
        zorgverlener_agb,
        kwalificatiecode,
        geldig_van as begindatum,
        coalesce(geldig_tot, {{ open_einde() }}) as einddatum
    from {{ ref('int_agb__zorgverlener_kwalificaties') }}

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

-- The intersection of the five active intervals; empty intersections are dropped.
doorsnede as (

    select
        kwalificaties.zorgverlener_agb,
        kwalificaties.kwalificatiecode,
        vestigingen.vestiging_agb,
        vestigingen.onderneming_agb,
        vestigingen.gemeentecode,
        vestigingen.postcode,
        greatest(
            kwalificaties.begindatum, werkrelaties.begindatum, vestigingen.begindatum,
            ondernemingen.begindatum
        ) as geldig_van,
        least(
            kwalificaties.einddatum, werkrelaties.einddatum, vestigingen.einddatum,
            ondernemingen.einddatum
        ) as geldig_tot
    from kwalificaties
    inner join werkrelaties
        on kwalificaties.zorgverlener_agb = werkrelaties.zorgverlener_agb
    inner join vestigingen
        on werkrelaties.vestiging_agb = vestigingen.vestiging_agb
    inner join ondernemingen
        on vestigingen.onderneming_agb = ondernemingen.onderneming_agb

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
