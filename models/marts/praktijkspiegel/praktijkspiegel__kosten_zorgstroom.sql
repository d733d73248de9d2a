{#- Praktijkspiegel: costs per registered patient per care stream (seed zorgstromen, first and
    second line), actual next to expected for the practice regionally and nationally, from the
    standardisation in int_praktijkspiegel__verwacht (maat kosten_<zorgstroom>). -#}
with praktijken as (

    select
        jaar,
        praktijk_agb,
        regiocode,
        aantal_patienten
    from {{ ref('int_praktijkspiegel__praktijk_jaar') }}
    where aantal_patienten > 0

),

totalen as (

    select
        praktijken.jaar,
        praktijken.praktijk_agb,
        praktijken.aantal_patienten,
        zorgstromen.zorgstroom,
        zorgstromen.omschrijving as zorgstroom_omschrijving,
        zorgstromen.lijn,
        coalesce(verwacht.waarde, 0) as kosten,
        case when praktijken.regiocode is not null then coalesce(verwacht.verwacht_regio, 0) end as verwacht_regio,
        coalesce(verwacht.verwacht_nederland, 0) as verwacht_nederland
    from praktijken
    cross join {{ ref('zorgstromen') }} as zorgstromen
    left join {{ ref('int_praktijkspiegel__verwacht') }} as verwacht
        on
            praktijken.jaar = verwacht.jaar
            and praktijken.praktijk_agb = verwacht.praktijk_agb
            and verwacht.maat = {{ dbt.concat(["'kosten_'", "zorgstromen.zorgstroom"]) }}

),

per_patient as (

    select
        totalen.jaar,
        totalen.praktijk_agb,
        totalen.zorgstroom,
        totalen.zorgstroom_omschrijving,
        totalen.lijn,
        totalen.aantal_patienten,
        cast(totalen.kosten as {{ type_double() }}) as kosten,
        cast(totalen.kosten as {{ type_double() }}) / totalen.aantal_patienten as kosten_per_patient,
        cast(totalen.verwacht_regio as {{ type_double() }}) / totalen.aantal_patienten as verwacht_regio,
        cast(totalen.verwacht_nederland as {{ type_double() }}) / totalen.aantal_patienten as verwacht_nederland,
        coalesce(volledigheid.is_uitgedeclareerd, false) as is_uitgedeclareerd
    from totalen
    left join {{ ref('int_praktijkspiegel__volledigheid') }} as volledigheid
        on
            totalen.jaar = volledigheid.jaar
            and totalen.zorgstroom = volledigheid.zorgstroom

)

select
    cast(praktijk_agb as {{ dbt.type_string() }}) as praktijk_agb,
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(zorgstroom as {{ dbt.type_string() }}) as zorgstroom,
    cast(zorgstroom_omschrijving as {{ dbt.type_string() }}) as zorgstroom_omschrijving,
    cast(lijn as {{ dbt.type_string() }}) as lijn,
    cast(aantal_patienten as {{ dbt.type_bigint() }}) as aantal_patienten,
    kosten,
    kosten_per_patient,
    verwacht_regio,
    verwacht_nederland,
    {{ ratio_tov_verwacht('kosten_per_patient', 'verwacht_regio') }} as ratio_regio,
    {{ ratio_tov_verwacht('kosten_per_patient', 'verwacht_nederland') }} as ratio_nederland,
    cast(is_uitgedeclareerd as {{ dbt.type_boolean() }}) as is_uitgedeclareerd
from per_patient
