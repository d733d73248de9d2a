{#- Gemeentezorgspiegel, FKG verdeelmodel: inhabitants with medication for a chronic or a
    psychological condition (FKG) per year, region, FKG soort and FKG, with the national figure.
    Published through macro gzs_gepubliceerd: suppression over the regions (the FKGs overlap and add
    no equation); a cell whose population is suppressed is suppressed too. Rules in the yml. -#}
with {{ gzs_gepubliceerd(
    'int_gemeentezorgspiegel__cellen_fkg', ['jaar', 'fkg_soort', 'fkg_code'], ['personen_per_1000_inwoners'],
    landelijk=['personen_per_1000_inwoners'], populatie='(alle)'
) }}

select
    cast(cel.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cel.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cel.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cel.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cel.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(cel.zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cel.fkg_soort as {{ dbt.type_string() }}) as fkg_soort,
    cast(cel.fkg_code as {{ dbt.type_string() }}) as fkg_code,
    cast(cel.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cel.personen_per_1000_inwoners as decimal(14, 1)) as personen_per_1000_inwoners,
    cast(cel.landelijk_personen_per_1000_inwoners as decimal(14, 1)) as landelijk_personen_per_1000_inwoners,
    cel.is_onderdrukt
from gzs_gepubliceerd as cel
