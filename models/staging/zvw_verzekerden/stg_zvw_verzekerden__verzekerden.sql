-- Staging of raw.zvw_verzekerden__verzekerden: types of the delivery spec; periode -> leveringsjaar.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as {{ dbt.type_int() }}) as leveringsjaar,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(persoon_id as {{ dbt.type_string() }}) as persoon_id,
    cast(uzovi as {{ dbt.type_string() }}) as uzovi,
    cast(geboortedatum as date) as geboortedatum,
    cast(geslacht as {{ dbt.type_string() }}) as geslacht,
    cast(buurtcode as {{ dbt.type_string() }}) as buurtcode,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum
from {{ source('zvw_verzekerden', 'verzekerden') }}
