-- Staging of raw.wlz_zorg__wlz_zorg: types of the delivery spec; periode -> leveringsmaand.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as {{ dbt.type_string() }}) as leveringsmaand,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(persoon_id as {{ dbt.type_string() }}) as persoon_id,
    cast(leveringsvorm as {{ dbt.type_string() }}) as leveringsvorm,
    cast(met_behandeling as {{ dbt.type_boolean() }}) as met_behandeling,
    cast(zorgprofiel as {{ dbt.type_string() }}) as zorgprofiel,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum,
    cast(kosten as decimal(14, 2)) as kosten
from {{ source('wlz_zorg', 'wlz_zorg') }}
