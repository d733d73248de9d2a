{#- Gemeentezorgspiegel, Crisis GGZ: crisis patients, crisis treatments, crisis stay days and costs
    per year and gemeente (and nationally), with treatments and stay days per crisis patient next to
    the national figures. Published through macro gzs_gepubliceerd (suppression over the regions;
    the ratios are per patient, so no population forces a cell). Rules in the yml. -#}
{%- set maten = [
    'crisisbehandelingen', 'verblijfsdagen', 'kosten', 'behandelingen_per_patient', 'verblijfsdagen_per_patient'
] -%}

with {{ gzs_gepubliceerd(
    'int_gemeentezorgspiegel__cellen_crisis', ['jaar'], maten,
    landelijk=['behandelingen_per_patient', 'verblijfsdagen_per_patient']
) }}

select
    cast(cel.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cel.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cel.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cel.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cel.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(cel.zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cel.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cel.crisisbehandelingen as {{ dbt.type_bigint() }}) as crisisbehandelingen,
    cast(cel.verblijfsdagen as {{ dbt.type_bigint() }}) as verblijfsdagen,
    cast(cel.kosten as decimal(18, 2)) as kosten,
    cast(cel.behandelingen_per_patient as decimal(10, 2)) as behandelingen_per_patient,
    cast(cel.verblijfsdagen_per_patient as decimal(10, 2)) as verblijfsdagen_per_patient,
    cast(cel.landelijk_behandelingen_per_patient as decimal(10, 2)) as landelijk_behandelingen_per_patient,
    cast(cel.landelijk_verblijfsdagen_per_patient as decimal(10, 2)) as landelijk_verblijfsdagen_per_patient,
    cel.is_onderdrukt
from gzs_gepubliceerd as cel
