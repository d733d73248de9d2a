{#- Praktijkspiegel: per practice, report year and indicator (seed praktijkspiegel_indicatoren) the
    actual figure next to the expected one for the practice, regionally and nationally, from the
    standardisation in int_praktijkspiegel__verwacht; totals become the indicator's unit here. -#}
with praktijken as (

    select
        jaar,
        praktijk_agb,
        regiocode,
        aantal_patienten
    from {{ ref('int_praktijkspiegel__praktijk_jaar') }}
    where aantal_patienten > 0

),

volledigheid as (

    select distinct
        jaar,
        zorgstroom_groep,
        is_uitgedeclareerd_groep
    from {{ ref('int_praktijkspiegel__volledigheid') }}

),

totalen as (

    select
        praktijken.jaar,
        praktijken.praktijk_agb,
        praktijken.aantal_patienten,
        indicatoren.indicator,
        indicatoren.indicator_omschrijving,
        indicatoren.eenheid,
        indicatoren.zorgstroom_groep,
        indicatoren.volgorde,
        -- Per unit: what a total is divided by to give the figure (percentage: 100 x total / patients).
        case indicatoren.eenheid
            when 'percentage' then praktijken.aantal_patienten / 100.0
            when 'aantal' then 1
            else praktijken.aantal_patienten
        end as noemer,
        coalesce(verwacht.waarde, 0) as waarde,
        case when praktijken.regiocode is not null then coalesce(verwacht.verwacht_regio, 0) end as verwacht_regio,
        coalesce(verwacht.verwacht_nederland, 0) as verwacht_nederland
    from praktijken
    cross join {{ ref('praktijkspiegel_indicatoren') }} as indicatoren
    left join {{ ref('int_praktijkspiegel__verwacht') }} as verwacht
        on
            praktijken.jaar = verwacht.jaar
            and praktijken.praktijk_agb = verwacht.praktijk_agb
            and indicatoren.maat = verwacht.maat

),

cijfers as (

    select
        totalen.jaar,
        totalen.praktijk_agb,
        totalen.indicator,
        totalen.indicator_omschrijving,
        totalen.eenheid,
        totalen.zorgstroom_groep,
        totalen.volgorde,
        totalen.aantal_patienten,
        cast(totalen.waarde as {{ type_double() }}) / totalen.noemer as waarde,
        cast(totalen.verwacht_regio as {{ type_double() }}) / totalen.noemer as verwacht_regio,
        cast(totalen.verwacht_nederland as {{ type_double() }}) / totalen.noemer as verwacht_nederland,
        coalesce(volledigheid.is_uitgedeclareerd_groep, false) as is_uitgedeclareerd
    from totalen
    left join volledigheid
        on
            totalen.jaar = volledigheid.jaar
            and totalen.zorgstroom_groep = volledigheid.zorgstroom_groep

)

select
    cast(praktijk_agb as {{ dbt.type_string() }}) as praktijk_agb,
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(indicator as {{ dbt.type_string() }}) as indicator,
    cast(indicator_omschrijving as {{ dbt.type_string() }}) as indicator_omschrijving,
    cast(eenheid as {{ dbt.type_string() }}) as eenheid,
    cast(zorgstroom_groep as {{ dbt.type_string() }}) as zorgstroom_groep,
    cast(volgorde as {{ dbt.type_int() }}) as volgorde,
    cast(aantal_patienten as {{ dbt.type_bigint() }}) as aantal_patienten,
    waarde,
    verwacht_regio,
    verwacht_nederland,
    {{ ratio_tov_verwacht('waarde', 'verwacht_regio') }} as ratio_regio,
    {{ ratio_tov_verwacht('waarde', 'verwacht_nederland') }} as ratio_nederland,
    cast(is_uitgedeclareerd as {{ dbt.type_boolean() }}) as is_uitgedeclareerd
from cijfers
