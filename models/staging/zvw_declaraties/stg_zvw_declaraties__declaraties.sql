-- Staging of raw.zvw_declaraties__declaraties: types of the delivery spec; periode -> verwerkingsmaand.
select
    cast(aanlevering_id as {{ dbt.type_string() }}) as aanlevering_id,
    cast(leverancier as {{ dbt.type_string() }}) as leverancier,
    cast(periode as {{ dbt.type_string() }}) as verwerkingsmaand,
    cast(rijnummer as {{ dbt.type_bigint() }}) as rijnummer,
    cast(regel_id as {{ dbt.type_string() }}) as regel_id,
    cast(uzovi as {{ dbt.type_string() }}) as uzovi,
    cast(persoon_id as {{ dbt.type_string() }}) as persoon_id,
    cast(zorgstroom as {{ dbt.type_string() }}) as zorgstroom,
    cast(prestatiecode as {{ dbt.type_string() }}) as prestatiecode,
    cast(atc_code as {{ dbt.type_string() }}) as atc_code,
    cast(ddd as decimal(14, 2)) as ddd,
    cast(diagnosecode as {{ dbt.type_string() }}) as diagnosecode,
    cast(begindatum as date) as begindatum,
    cast(einddatum as date) as einddatum,
    cast(aantal as {{ dbt.type_bigint() }}) as aantal,
    cast(bedrag as decimal(14, 2)) as bedrag,
    cast(debet_credit as {{ dbt.type_string() }}) as debet_credit,
    cast(origineel_regel_id as {{ dbt.type_string() }}) as origineel_regel_id,
    cast(declarant_agb as {{ dbt.type_string() }}) as declarant_agb,
    cast(zorgverlener_agb as {{ dbt.type_string() }}) as zorgverlener_agb,
    cast(verwerkingsdatum as date) as verwerkingsdatum
from {{ source('zvw_declaraties', 'declaraties') }}
