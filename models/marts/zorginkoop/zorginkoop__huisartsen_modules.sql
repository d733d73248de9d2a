{#-
    Contract modules of GP care per practice and quarter: one row per (praktijk_agb, kwartaal,
    module, component). The rules are in int_zorginkoop__moduleregels; this mart only builds the
    grid of practice-quarters x valid components and adds up. See the yml.
-#}

with modules as (

    select distinct
        module,
        component,
        geldig_vanaf,
        geldig_tot
    from {{ ref('zorginkoop_modules') }}

),

-- Practice-quarters in scope: the practice claimed a registration fee (or all-in tariff) or a module code.
praktijk_kwartalen as (

    select distinct
        declaraties.declarant_agb as praktijk_agb,
        {{ dbt.concat([
            "cast(extract(year from declaraties.begindatum) as " ~ dbt.type_string() ~ ")",
            "'-Q'",
            "cast(extract(quarter from declaraties.begindatum) as " ~ dbt.type_string() ~ ")"
        ]) }} as kwartaal,
        {{ make_date(
            'extract(year from declaraties.begindatum)',
            '(extract(quarter from declaraties.begindatum) - 1) * 3 + 1',
            1
        ) }} as kwartaal_begin
    from {{ ref('int_declaraties__actueel') }} as declaraties
    inner join {{ ref('huisarts_prestatiecodes') }} as codes
        on declaraties.prestatiecode = codes.prestatiecode
    where codes.groep in ('inschrijving', 'all_in')

    union

    select distinct
        praktijk_agb,
        kwartaal,
        kwartaal_begin
    from {{ ref('int_zorginkoop__moduleregels') }}

),

-- Every component that is part of the contract in (some day of) the quarter ...
verwacht as (

    select
        praktijk_kwartalen.praktijk_agb,
        praktijk_kwartalen.kwartaal,
        modules.module,
        modules.component
    from praktijk_kwartalen
    inner join modules
        on
            {{ dbt.dateadd('month', 3, 'praktijk_kwartalen.kwartaal_begin') }} > modules.geldig_vanaf
            and (modules.geldig_tot is null or praktijk_kwartalen.kwartaal_begin <= modules.geldig_tot)

),

-- ... plus every component actually claimed (also outside its validity).
sleutels as (

    select
        praktijk_agb,
        kwartaal,
        module,
        component
    from verwacht

    union

    select distinct
        praktijk_agb,
        kwartaal,
        module,
        component
    from {{ ref('int_zorginkoop__moduleregels') }}

),

totalen as (

    select
        praktijk_agb,
        kwartaal,
        module,
        component,
        count(*) as aantal_declaraties,
        sum(bedrag) as bedrag,
        count(distinct persoon_id) as aantal_patienten,
        sum(case when is_afwijkend then 1 else 0 end) as aantal_afwijkend
    from {{ ref('int_zorginkoop__moduleregels') }}
    group by praktijk_agb, kwartaal, module, component

),

redenen_per_sleutel as (

    select distinct
        praktijk_agb,
        kwartaal,
        module,
        component,
        afwijking_reden
    from {{ ref('int_zorginkoop__moduleregels') }}
    where afwijking_reden is not null

),

redenen as (

    select
        praktijk_agb,
        kwartaal,
        module,
        component,
        {{ dbt.listagg('afwijking_reden', "', '", 'order by afwijking_reden') }} as afwijking_redenen
    from redenen_per_sleutel
    group by praktijk_agb, kwartaal, module, component

)

select
    cast(sleutels.praktijk_agb as {{ dbt.type_string() }}) as praktijk_agb,
    cast(sleutels.kwartaal as {{ dbt.type_string() }}) as kwartaal,
    cast(sleutels.module as {{ dbt.type_string() }}) as module,
    cast(sleutels.component as {{ dbt.type_string() }}) as component,
    coalesce(totalen.aantal_declaraties, 0) > 0 as gedeclareerd,
    cast(coalesce(totalen.aantal_declaraties, 0) as {{ dbt.type_bigint() }}) as aantal_declaraties,
    cast(coalesce(totalen.bedrag, 0) as decimal(14, 2)) as bedrag,
    cast(coalesce(totalen.aantal_patienten, 0) as {{ dbt.type_bigint() }}) as aantal_patienten,
    cast(coalesce(totalen.aantal_afwijkend, 0) as {{ dbt.type_bigint() }}) as aantal_afwijkend,
    cast(redenen.afwijking_redenen as {{ dbt.type_string() }}) as afwijking_redenen
from sleutels
left join totalen
    on
        sleutels.praktijk_agb = totalen.praktijk_agb
        and sleutels.kwartaal = totalen.kwartaal
        and sleutels.module = totalen.module
        and sleutels.component = totalen.component
left join redenen
    on
        sleutels.praktijk_agb = redenen.praktijk_agb
        and sleutels.kwartaal = redenen.kwartaal
        and sleutels.module = redenen.module
        and sleutels.component = redenen.component
