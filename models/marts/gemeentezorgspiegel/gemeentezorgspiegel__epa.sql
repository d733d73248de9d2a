{#- Gemeentezorgspiegel, EPA monitor: adults with a severe mental illness (EPA) per year and region -
    number, prevalence per 1,000 inhabitants of 18 and over, GGZ and total Zvw costs - with the
    national figures. Published through macro gzs_gepubliceerd: suppression over the regions; a cell
    whose adult (18+) population is suppressed is suppressed too. Rules in the yml. -#}
{%- set maten = ['patienten_per_1000_inwoners_18plus', 'kosten_ggz', 'kosten_zvw', 'kosten_zvw_per_patient'] -%}

with {{ gzs_gepubliceerd(
    'int_gemeentezorgspiegel__cellen_epa', ['jaar'], maten,
    landelijk=['patienten_per_1000_inwoners_18plus', 'kosten_zvw_per_patient'], populatie='18+'
) }}

select
    cast(cel.jaar as {{ dbt.type_int() }}) as jaar,
    cast(cel.niveau as {{ dbt.type_string() }}) as niveau,
    cast(cel.regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(cel.gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(cel.bovenliggende_regiocode as {{ dbt.type_string() }}) as bovenliggende_regiocode,
    cast(cel.zichtbaar_voor_gemeentecode as {{ dbt.type_string() }}) as zichtbaar_voor_gemeentecode,
    cast(cel.aantal_personen as {{ dbt.type_bigint() }}) as aantal_personen,
    cast(cel.patienten_per_1000_inwoners_18plus as decimal(14, 1)) as patienten_per_1000_inwoners_18plus,
    cast(cel.kosten_ggz as decimal(18, 2)) as kosten_ggz,
    cast(cel.kosten_zvw as decimal(18, 2)) as kosten_zvw,
    cast(cel.kosten_zvw_per_patient as decimal(14, 2)) as kosten_zvw_per_patient,
    cast(cel.landelijk_patienten_per_1000_inwoners_18plus as decimal(14, 1))
        as landelijk_patienten_per_1000_inwoners_18plus,
    cast(cel.landelijk_kosten_zvw_per_patient as decimal(14, 2)) as landelijk_kosten_zvw_per_patient,
    cel.is_onderdrukt
from gzs_gepubliceerd as cel
