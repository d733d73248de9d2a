-- Staging of raw.agb_register__werkrelaties: types of the delivery spec; periode -> peildatum.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as date) as peildatum,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(zorgverlener_agb as {{ dbt.type_string() }}) as zorgverlener_agb,
    cast(vestiging_agb as {{ dbt.type_string() }}) as vestiging_agb,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum
from {{ source('agb_register', 'werkrelaties') }}
