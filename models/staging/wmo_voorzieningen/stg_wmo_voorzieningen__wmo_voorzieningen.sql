-- Staging of raw.wmo_voorzieningen__wmo_voorzieningen: types of the delivery spec; periode -> leveringsjaar.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as {{ dbt.type_int() }}) as leveringsjaar,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(persoon_id as {{ dbt.type_string() }}) as persoon_id,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(voorziening as {{ dbt.type_string() }}) as voorziening,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum,
    cast(kosten as decimal(14, 2)) as kosten
from {{ source('wmo_voorzieningen', 'wmo_voorzieningen') }}
