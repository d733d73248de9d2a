-- Staging of raw.agb_register__vestigingen: types of the delivery spec; periode -> peildatum.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as date) as peildatum,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(vestiging_agb as {{ dbt.type_string() }}) as vestiging_agb,
    cast(onderneming_agb as {{ dbt.type_string() }}) as onderneming_agb,
    cast(naam as {{ dbt.type_string() }}) as naam,
    cast(postcode as {{ dbt.type_string() }}) as postcode,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum
from {{ source('agb_register', 'vestigingen') }}
