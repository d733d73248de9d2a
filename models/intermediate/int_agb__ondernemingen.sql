{#-
    AGB ondernemingen (e.g. GP practices) with their kwalificatie(s), from the latest register
    snapshot: per onderneming and kwalificatiecode the periods in which both the onderneming and
    that kwalificatie are active. Use with macro agb_actief_op. Rules in the yml.
-#}

with ondernemingen as (

    select
        register.onderneming_agb,
        register.naam,
        register.kvk_nummer,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__ondernemingen') }}) as register

),

kwalificaties as (

    select
        register.agb_code as onderneming_agb,
        register.kwalificatiecode,
        register.begindatum,
        coalesce(register.einddatum, {{ open_einde() }}) as einddatum
    from ({{ laatste_agb_snapshot('stg_agb_register__kwalificaties') }}) as register
    where register.entiteit = 'onderneming'

),

niet_leeg as (

    select
        ondernemingen.onderneming_agb,
        ondernemingen.naam,
        ondernemingen.kvk_nummer,
        kwalificaties.kwalificatiecode,
        greatest(ondernemingen.begindatum, kwalificaties.begindatum) as geldig_van,
        least(ondernemingen.einddatum, kwalificaties.einddatum) as geldig_tot
    from ondernemingen
    inner join kwalificaties
        on ondernemingen.onderneming_agb = kwalificaties.onderneming_agb
    where
        ondernemingen.begindatum <= kwalificaties.einddatum
        and kwalificaties.begindatum <= ondernemingen.einddatum

),

samengevoegd as (

    {{ merge_intervals('niet_leeg', ['onderneming_agb', 'naam', 'kvk_nummer', 'kwalificatiecode']) }}

)

select
    onderneming_agb,
    naam,
    kvk_nummer,
    kwalificatiecode,
    geldig_van,
    case when geldig_tot < {{ open_einde() }} then geldig_tot end as geldig_tot
from samengevoegd
