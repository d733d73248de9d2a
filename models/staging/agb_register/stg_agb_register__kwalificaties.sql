-- Staging of raw.agb_register__kwalificaties: types of the delivery spec; periode -> peildatum.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as date) as peildatum,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(agb_code as {{ dbt.type_string() }}) as agb_code,
    cast(entiteit as {{ dbt.type_string() }}) as entiteit,
    cast(kwalificatiecode as {{ dbt.type_string() }}) as kwalificatiecode,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum
from {{ source('agb_register', 'kwalificaties') }}
