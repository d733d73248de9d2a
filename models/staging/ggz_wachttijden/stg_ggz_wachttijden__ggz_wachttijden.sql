-- Staging of raw.ggz_wachttijden__ggz_wachttijden: types of the delivery spec; periode -> leveringsmaand.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as {{ dbt.type_string() }}) as leveringsmaand,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(aanbieder_agb as {{ dbt.type_string() }}) as aanbieder_agb,
    cast(vestiging_agb as {{ dbt.type_string() }}) as vestiging_agb,
    cast(peildatum as date) as peildatum,
    cast(diagnosegroep as {{ dbt.type_string() }}) as diagnosegroep,
    cast(aanmeldwachttijd_dagen as {{ dbt.type_bigint() }}) as aanmeldwachttijd_dagen,
    cast(behandelwachttijd_dagen as {{ dbt.type_bigint() }}) as behandelwachttijd_dagen
from {{ source('ggz_wachttijden', 'ggz_wachttijden') }}
