{#- Gemeentezorgspiegel, Dementie: inhabitants with dementia living at home per year, region and
    domain ('(alle)', zvw, wlz, wmo) - number, users per 1,000 inhabitants, costs and costs per
    person - with the national figures. Published through macro gzs_gepubliceerd: suppression over
    the regions and the domains whose costs add up to '(alle)'; a cell whose population is
    suppressed is suppressed too. Rules in the yml. -#}
{%- set maten = ['kosten', 'kosten_per_gebruiker', 'gebruikers_per_1000_inwoners'] -%}

with {{ gzs_gepubliceerd(
    'int_gemeentezorgspiegel__cellen_dementie', ['jaar'], maten, 'domein', '(alle)',
    landelijk=['kosten_per_gebruiker', 'gebruikers_per_1000_inwoners'], populatie='(alle)'
) }}

select
    cast(cel.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cel.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cel.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cel.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cel.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(cel.zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cel.domein as {{ dbt.type_string() }}) as domein,
    cast(cel.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cel.kosten as decimal(18, 2)) as kosten,
    cast(cel.kosten_per_gebruiker as decimal(14, 2)) as kosten_per_gebruiker,
    cast(cel.gebruikers_per_1000_inwoners as decimal(14, 1)) as gebruikers_per_1000_inwoners,
    cast(cel.landelijk_kosten_per_gebruiker as decimal(14, 2)) as landelijk_kosten_per_gebruiker,
    cast(cel.landelijk_gebruikers_per_1000_inwoners as decimal(14, 1)) as landelijk_gebruikers_per_1000_inwoners,
    cel.is_onderdrukt
from gzs_gepubliceerd as cel
