-- Staging of raw.jeugdwet_trajecten__jeugdwet_trajecten: types of the delivery spec; periode -> leveringsjaar.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as {{ dbt.type_int() }}) as leveringsjaar,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(persoon_id as {{ dbt.type_string() }}) as persoon_id,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(hulpvorm as {{ dbt.type_string() }}) as hulpvorm,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum,
    cast(kosten as decimal(14, 2)) as kosten
from {{ source('jeugdwet_trajecten', 'jeugdwet_trajecten') }}
