-- Staging of ingest.aanleverlog, the log of every ingest attempt: types only.
-- The timestamps are timestamp with time zone (an instant) and are selected as they are:
-- a cast to dbt's type_timestamp() is a timestamp without time zone on DuckDB and
-- would shift them to the session's time zone.
select
    cast(poging_id as {{ dbt.type_string() }}) as poging_id,
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(bron as {{ dbt.type_string() }}) as bron,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as {{ dbt.type_string() }}) as periode,
    cast(map as {{ dbt.type_string() }}) as map,  -- noqa: RF04
    cast(status as {{ dbt.type_string() }}) as status,
    cast(reden as {{ dbt.type_string() }}) as reden,
    cast(rijen_ontvangen as {{ dbt.type_bigint() }}) as rijen_ontvangen,
    cast(rijen_geladen as {{ dbt.type_bigint() }}) as rijen_geladen,
    cast(rijen_quarantaine as {{ dbt.type_bigint() }}) as rijen_quarantaine,
    cast(mislukte_verwachtingen as {{ dbt.type_string() }}) as mislukte_verwachtingen,
    cast(bestanden as {{ dbt.type_string() }}) as bestanden,
    aangemaakt_op,
    gestart_op,
    beeindigd_op
from {{ source('ingest', 'aanleverlog') }}
