{#- Praktijkspiegel: one row per GP practice and report year. All rules are in
    int_praktijkspiegel__praktijk_jaar (see its yml); this mart only fixes the contract. -#}
select
    cast(praktijk_agb as {{ dbt.type_string() }}) as praktijk_agb,
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(praktijk_naam as {{ dbt.type_string() }}) as praktijk_naam,
    cast(vestiging_agb as {{ dbt.type_string() }}) as vestiging_agb,
    cast(gemeentecode as {{ dbt.type_string() }}) as gemeentecode,
    cast(regiocode as {{ dbt.type_string() }}) as regiocode,
    cast(regionaam as {{ dbt.type_string() }}) as regionaam,
    cast(aantal_patienten as {{ dbt.type_bigint() }}) as aantal_patienten,
    cast(uitgesloten_meerdere_praktijken as {{ dbt.type_bigint() }}) as uitgesloten_meerdere_praktijken,
    cast(uitgesloten_huisarts_meerdere_praktijken as {{ dbt.type_bigint() }})
        as uitgesloten_huisarts_meerdere_praktijken,
    cast(uitgesloten_geen_verzekerde_1_juli as {{ dbt.type_bigint() }}) as uitgesloten_geen_verzekerde_1_juli,
    cast(heeft_spiegel as {{ dbt.type_boolean() }}) as heeft_spiegel,
    cast(uitsluitingsreden as {{ dbt.type_string() }}) as uitsluitingsreden,
    cast(heeft_spiegel_op_verzoek as {{ dbt.type_boolean() }}) as heeft_spiegel_op_verzoek,
    cast(is_beeindigd as {{ dbt.type_boolean() }}) as is_beeindigd,
    cast(agb_begindatum as date) as agb_begindatum,
    cast(agb_einddatum as date) as agb_einddatum
from {{ ref('int_praktijkspiegel__praktijk_jaar') }}
