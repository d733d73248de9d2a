{#- Dashboard huisartsenzorg: one row per GP practice and year. All rules are in
    int_huisartsenzorg__praktijk_jaar (see its yml); this mart only fixes the contract. -#}
select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(praktijk_agb as {{ dbt.type_string() }}) as praktijk_agb,
    cast(ingeschreven_patienten as {{ dbt.type_bigint() }}) as ingeschreven_patienten,
    cast(huisartsen as {{ dbt.type_bigint() }}) as huisartsen,
    cast(vestiging_agb as {{ dbt.type_string() }}) as vestiging_agb,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(hechte_huisartsenzorg_code as {{ dbt.type_string() }}) as hechte_huisartsenzorg_code,
    cast(arbeidsmarktregio_code as {{ dbt.type_string() }}) as arbeidsmarktregio_code,
    cast(is_kleine_praktijk as {{ dbt.type_boolean() }}) as is_kleine_praktijk
from {{ ref('int_huisartsenzorg__praktijk_jaar') }}
