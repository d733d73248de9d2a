{#-
    The periods each supplier was expected to deliver in the monitor's window (the 12 months up to
    peilmaand, macro am_venster_maanden), and whether it did. Rules in the yml.
-#}

with pogingen as (

    select
        bron,
        leverancier,
        cadans,
        periode_eindmaand,
        status,
        peilmaand
    from {{ ref('int_aanlevermonitor__pogingen') }}

),

venster as (

    {% for terug in range(am_venster_maanden()) -%}
        select {{ terug }} as maanden_terug
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- A supplier is expected from the first period it delivered (or tried to: any status) on.
leveranciers as (

    select
        bron,
        leverancier,
        cadans,
        peilmaand,
        min(periode_eindmaand) as eerste_eindmaand
    from pogingen
    where periode_eindmaand is not null
    group by bron, leverancier, cadans, peilmaand

),

-- Every month of the window for a monthly source; for a yearly one the December in the window.
verwacht as (

    select
        leveranciers.bron,
        leveranciers.leverancier,
        leveranciers.cadans,
        leveranciers.peilmaand - venster.maanden_terug as periode_eindmaand
    from leveranciers
    cross join venster
    where
        leveranciers.peilmaand - venster.maanden_terug >= leveranciers.eerste_eindmaand
        and (leveranciers.cadans = 'maand' or (leveranciers.peilmaand - venster.maanden_terug) % 12 = 11)

),

geleverd as (

    select distinct
        bron,
        leverancier,
        periode_eindmaand
    from pogingen
    where {{ am_geaccepteerd('status') }}

)

select
    verwacht.bron,
    verwacht.leverancier,
    verwacht.cadans,
    verwacht.periode_eindmaand,
    {{ am_periode_tekst('verwacht.periode_eindmaand', 'verwacht.cadans') }} as periode,
    geleverd.bron is not null as is_geleverd
from verwacht
left join geleverd
    on
        verwacht.bron = geleverd.bron
        and verwacht.leverancier = geleverd.leverancier
        and verwacht.periode_eindmaand = geleverd.periode_eindmaand
