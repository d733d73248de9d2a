{#- Dashboard huisartsenzorg: linked patients and GPs per year, region, five-year age class and
    sex. Patients add up from their practices (the practice's region); a GP counts once per region
    and once nationally, in the age class of their age on 30 June. Rules in the intermediate ymls. -#}
{%- set indelingen = ['hechte_huisartsenzorg', 'arbeidsmarktregio', 'nederland'] -%}

with patienten as (

    {%- for indeling in indelingen %}
        select
            jaar,
            '{{ indeling }}' as regio_indeling,
            {{ "'NL'" if indeling == 'nederland' else 'praktijk_' ~ indeling ~ '_code' }} as regio_code,
            leeftijdsklasse,
            geslacht,
            count(*) as ingeschreven_patienten,
            0 as huisartsen
        from {{ ref('int_huisartsenzorg__verzekerde_jaar') }}
        where is_ingeschreven
        group by 1, 2, 3, 4, 5
        {{- "\n\n    union all\n" if not loop.last }}
    {% endfor %}
),

huisartsen as (

    {%- for indeling in indelingen %}
        select
            huisartsen.jaar,
            '{{ indeling }}' as regio_indeling,
            {{ "'NL'" if indeling == 'nederland' else 'praktijken.' ~ indeling ~ '_code' }} as regio_code,
            huisartsen.leeftijdsklasse,
            huisartsen.geslacht,
            0 as ingeschreven_patienten,
            count(distinct huisartsen.zorgverlener_agb) as huisartsen
        from {{ ref('int_huisartsenzorg__praktijk_huisartsen') }} as huisartsen
        inner join {{ ref('int_huisartsenzorg__praktijk_jaar') }} as praktijken
            on
                huisartsen.jaar = praktijken.jaar
                and huisartsen.praktijk_agb = praktijken.praktijk_agb
        group by 1, 2, 3, 4, 5
        {{- "\n\n    union all\n" if not loop.last }}
    {% endfor %}
),

samen as (

    select * from patienten
    union all
    select * from huisartsen

)

select
    cast(jaar as {{ dbt.type_int() }}) as jaar,
    cast(regio_indeling as {{ dbt.type_string() }}) as regio_indeling,
    cast(regio_code as {{ dbt.type_string() }}) as regio_code,
    cast(leeftijdsklasse as {{ dbt.type_string() }}) as leeftijdsklasse,
    cast(geslacht as {{ dbt.type_string() }}) as geslacht,
    cast(sum(ingeschreven_patienten) as {{ dbt.type_bigint() }}) as ingeschreven_patienten,
    cast(sum(huisartsen) as {{ dbt.type_bigint() }}) as huisartsen
from samen
where regio_code is not null
group by 1, 2, 3, 4, 5
