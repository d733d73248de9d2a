{#- Dashboard huisartsenzorg: key figures per year and region (hechte huisartsenzorg,
    arbeidsmarktregio, and the Netherlands as a whole). Which region each figure counts in is
    decided in the intermediate models (see the yml); this model only adds up. -#}
{%- set indelingen = ['hechte_huisartsenzorg', 'arbeidsmarktregio'] -%}

with jaren as (

    select distinct jaar
    from {{ ref('int_huisartsenzorg__verzekerde_jaar') }}

),

-- Every region of each classification (with its name) and the Netherlands, for every year: a
-- region without any figure still gets a row (with zeros).
regios as (

    {%- for indeling in indelingen %}
        select distinct
            '{{ indeling }}' as regio_indeling,
            {{ indeling }}_code as regio_code,
            {{ indeling }}_naam as regio_naam
        from {{ ref('int_regio__gemeente') }}
        where {{ indeling }}_code is not null

        union all
    {% endfor %}
    select
        'nederland' as regio_indeling,
        'NL' as regio_code,
        'Nederland' as regio_naam

),

spine as (

    select
        jaren.jaar,
        regios.regio_indeling,
        regios.regio_code,
        regios.regio_naam
    from jaren
    cross join regios

),

-- One row per insured person, year and classification, with the person's region in it by the
-- rule of each figure: residence (verzekerden, niet-ingeschreven) and patient region (patients,
-- consults and visits: the practice's region when linked, else residence).
personen_per_indeling as (

    {%- for indeling in indelingen + ['nederland'] %}
        select
            jaar,
            '{{ indeling }}' as regio_indeling,
            {% if indeling == 'nederland' -%}
                'NL' as woon_regio_code,
                'NL' as patient_regio_code,
            {%- else -%}
                woon_{{ indeling }}_code as woon_regio_code,
                patient_{{ indeling }}_code as patient_regio_code,
            {%- endif %}
            is_ingeschreven,
            consulten_binnen,
            consulten_buiten,
            visites_binnen,
            visites_buiten
        from {{ ref('int_huisartsenzorg__verzekerde_jaar') }}
        {{- "\n\n    union all\n" if not loop.last }}
    {% endfor %}
),

praktijken_per_indeling as (

    {%- for indeling in indelingen + ['nederland'] %}
        select
            jaar,
            praktijk_agb,
            '{{ indeling }}' as regio_indeling,
            {{ "'NL'" if indeling == 'nederland' else indeling ~ '_code' }} as regio_code,
            ingeschreven_patienten,
            is_kleine_praktijk
        from {{ ref('int_huisartsenzorg__praktijk_jaar') }}
        {{- "\n\n    union all\n" if not loop.last }}
    {% endfor %}
),

-- The measures as rows (each row carries one figure, the others 0), summed per region below.
maten as (

    select
        jaar,
        regio_indeling,
        woon_regio_code as regio_code,
        1 as verzekerden,
        case when is_ingeschreven then 0 else 1 end as niet_ingeschreven_verzekerden,
        0 as consulten_binnen,
        0 as consulten_buiten,
        0 as visites_binnen,
        0 as visites_buiten,
        0 as huisartsen,
        0 as huisartsen_60_plus,
        0 as praktijken,
        0 as patienten_in_grote_praktijken,
        0 as patienten_in_kleine_praktijken,
        0 as ingeschreven_patienten
    from personen_per_indeling

    union all

    select
        jaar,
        regio_indeling,
        patient_regio_code as regio_code,
        0 as verzekerden,
        0 as niet_ingeschreven_verzekerden,
        consulten_binnen,
        consulten_buiten,
        visites_binnen,
        visites_buiten,
        0 as huisartsen,
        0 as huisartsen_60_plus,
        0 as praktijken,
        0 as patienten_in_grote_praktijken,
        0 as patienten_in_kleine_praktijken,
        0 as ingeschreven_patienten
    from personen_per_indeling

    union all

    -- Patients add up from the practices (their linked insured patients).
    select
        jaar,
        regio_indeling,
        regio_code,
        0 as verzekerden,
        0 as niet_ingeschreven_verzekerden,
        0 as consulten_binnen,
        0 as consulten_buiten,
        0 as visites_binnen,
        0 as visites_buiten,
        0 as huisartsen,
        0 as huisartsen_60_plus,
        case when is_kleine_praktijk then 0 else 1 end as praktijken,
        case when is_kleine_praktijk then 0 else ingeschreven_patienten end as patienten_in_grote_praktijken,
        case when is_kleine_praktijk then ingeschreven_patienten else 0 end as patienten_in_kleine_praktijken,
        ingeschreven_patienten
    from praktijken_per_indeling

    union all

    -- A GP counts once per region, however many practices in it they work at.
    select
        praktijken_per_indeling.jaar,
        praktijken_per_indeling.regio_indeling,
        praktijken_per_indeling.regio_code,
        0 as verzekerden,
        0 as niet_ingeschreven_verzekerden,
        0 as consulten_binnen,
        0 as consulten_buiten,
        0 as visites_binnen,
        0 as visites_buiten,
        count(distinct huisartsen.zorgverlener_agb) as huisartsen,
        count(distinct case when huisartsen.is_60_plus then huisartsen.zorgverlener_agb end) as huisartsen_60_plus,
        0 as praktijken,
        0 as patienten_in_grote_praktijken,
        0 as patienten_in_kleine_praktijken,
        0 as ingeschreven_patienten
    from {{ ref('int_huisartsenzorg__praktijk_huisartsen') }} as huisartsen
    inner join praktijken_per_indeling
        on
            huisartsen.jaar = praktijken_per_indeling.jaar
            and huisartsen.praktijk_agb = praktijken_per_indeling.praktijk_agb
    group by praktijken_per_indeling.jaar, praktijken_per_indeling.regio_indeling, praktijken_per_indeling.regio_code

),

per_regio as (

    select
        jaar,
        regio_indeling,
        regio_code,
        sum(verzekerden) as verzekerden,
        sum(ingeschreven_patienten) as ingeschreven_patienten,
        sum(niet_ingeschreven_verzekerden) as niet_ingeschreven_verzekerden,
        sum(huisartsen) as huisartsen,
        sum(huisartsen_60_plus) as huisartsen_60_plus,
        sum(praktijken) as praktijken,
        sum(patienten_in_grote_praktijken) as patienten_in_grote_praktijken,
        sum(patienten_in_kleine_praktijken) as patienten_in_kleine_praktijken,
        sum(consulten_binnen) as consulten_binnen,
        sum(consulten_buiten) as consulten_buiten,
        sum(visites_binnen) as visites_binnen,
        sum(visites_buiten) as visites_buiten
    from maten
    where regio_code is not null
    group by jaar, regio_indeling, regio_code

),

tellingen as (

    select
        spine.jaar,
        spine.regio_indeling,
        spine.regio_code,
        spine.regio_naam,
        coalesce(per_regio.verzekerden, 0) as verzekerden,
        coalesce(per_regio.ingeschreven_patienten, 0) as ingeschreven_patienten,
        coalesce(per_regio.niet_ingeschreven_verzekerden, 0) as niet_ingeschreven_verzekerden,
        coalesce(per_regio.huisartsen, 0) as huisartsen,
        coalesce(per_regio.huisartsen_60_plus, 0) as huisartsen_60_plus,
        coalesce(per_regio.praktijken, 0) as praktijken,
        coalesce(per_regio.patienten_in_grote_praktijken, 0) as patienten_in_grote_praktijken,
        coalesce(per_regio.patienten_in_kleine_praktijken, 0) as patienten_in_kleine_praktijken,
        coalesce(per_regio.consulten_binnen, 0) as consulten_binnen,
        coalesce(per_regio.consulten_buiten, 0) as consulten_buiten,
        coalesce(per_regio.visites_binnen, 0) as visites_binnen,
        coalesce(per_regio.visites_buiten, 0) as visites_buiten
    from spine
    left join per_regio
        on
            spine.jaar = per_regio.jaar
            and spine.regio_indeling = per_regio.regio_indeling
            and spine.regio_code = per_regio.regio_code

)

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(regio_indeling as {{ dbt.type_string() }}) as regio_indeling,
    cast(regio_code as {{ dbt.type_string() }}) as regio_code,
    cast(regio_naam as {{ dbt.type_string() }}) as regio_naam,
    cast(verzekerden as {{ dbt.type_bigint() }}) as verzekerden,
    cast(ingeschreven_patienten as {{ dbt.type_bigint() }}) as ingeschreven_patienten,
    cast(niet_ingeschreven_verzekerden as {{ dbt.type_bigint() }}) as niet_ingeschreven_verzekerden,
    cast(huisartsen as {{ dbt.type_bigint() }}) as huisartsen,
    cast(praktijken as {{ dbt.type_bigint() }}) as praktijken,
    cast(
        case when praktijken > 0 then 1.0 * patienten_in_grote_praktijken / praktijken end
        as decimal(12, 1)
    ) as gemiddelde_praktijkgrootte,
    cast(patienten_in_kleine_praktijken as {{ dbt.type_bigint() }}) as patienten_in_kleine_praktijken,
    cast(consulten_binnen as {{ dbt.type_bigint() }}) as consulten_binnen,
    cast(consulten_buiten as {{ dbt.type_bigint() }}) as consulten_buiten,
    cast(visites_binnen as {{ dbt.type_bigint() }}) as visites_binnen,
    cast(visites_buiten as {{ dbt.type_bigint() }}) as visites_buiten,
    cast(
        case when ingeschreven_patienten > 0 then 1000.0 * consulten_binnen / ingeschreven_patienten end
        as decimal(12, 1)
    ) as consulten_binnen_per_1000_patienten,
    cast(
        case when ingeschreven_patienten > 0 then 1000.0 * consulten_buiten / ingeschreven_patienten end
        as decimal(12, 1)
    ) as consulten_buiten_per_1000_patienten,
    cast(
        case when ingeschreven_patienten > 0 then 1000.0 * visites_binnen / ingeschreven_patienten end
        as decimal(12, 1)
    ) as visites_binnen_per_1000_patienten,
    cast(
        case when ingeschreven_patienten > 0 then 1000.0 * visites_buiten / ingeschreven_patienten end
        as decimal(12, 1)
    ) as visites_buiten_per_1000_patienten,
    -- Few GPs per region make ties (6.25 %) likely: rounded alike on every engine (quotient_afgerond).
    cast(
        case when huisartsen > 0 then {{ quotient_afgerond('ingeschreven_patienten', 'huisartsen', 1) }} end
        as decimal(12, 1)
    ) as patienten_per_huisarts,
    cast(huisartsen_60_plus as {{ dbt.type_bigint() }}) as huisartsen_60_plus,
    cast(
        case when huisartsen > 0 then {{ quotient_afgerond('100 * huisartsen_60_plus', 'huisartsen', 1) }} end
        as decimal(4, 1)
    ) as percentage_huisartsen_60_plus
from tellingen
