-- Staging of ingest.quarantaine, every row the ingest rejected: types only.
select
    cast(poging_id as {{ dbt.type_string() }}) as poging_id,
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(bron as {{ dbt.type_string() }}) as bron,
    cast(tabel as {{ dbt.type_string() }}) as tabel,
    cast(bestand as {{ dbt.type_string() }}) as bestand,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(regel as {{ dbt.type_string() }}) as regel,
    cast(kolom as {{ dbt.type_string() }}) as kolom,
    cast(waarde as {{ dbt.type_string() }}) as waarde,
    cast(rij as {{ dbt.type_string() }}) as rij
from {{ source('ingest', 'quarantaine') }}
