-- Staging of raw.agb_register__ondernemingen: types of the delivery spec; periode -> peildatum.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as date) as peildatum,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(onderneming_agb as {{ dbt.type_string() }}) as onderneming_agb,
    cast(naam as {{ dbt.type_string() }}) as naam,
    cast(kvk_nummer as {{ dbt.type_string() }}) as kvk_nummer,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum
from {{ source('agb_register', 'ondernemingen') }}
