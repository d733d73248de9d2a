{#-
    The report years of the Praktijkspiegel: the last report year (var praktijkspiegel_laatste_jaar,
    default derived from the data) and the years before it, up to var praktijkspiegel_aantal_jaren
    (5) in all, as far as the data has them. Rules in the yml.
-#}
{%- set laatste_jaar = ps_laatste_jaar() -%}
{%- set aantal_jaren = ps_aantal_jaren() -%}

with laatste as (

    {% if laatste_jaar is not none %}
        select cast({{ laatste_jaar }} as {{ dbt.type_int() }}) as laatste_jaar
    {% else %}
        -- The latest treatment year with claims that has ended by the data's as-of month.
        select max(behandeljaar) as laatste_jaar
        from {{ ref('int_declaraties__volledigheid') }}
        where maanden_na_jaareinde >= 0
    {% endif %}

),

jaren_met_data as (

    select distinct jaar
    from {{ ref('int_personen__jaar') }}

)

select
    jaren_met_data.jaar,
    laatste.laatste_jaar,
    jaren_met_data.jaar = laatste.laatste_jaar as is_laatste_jaar
from jaren_met_data
cross join laatste
where
    jaren_met_data.jaar <= laatste.laatste_jaar
    and jaren_met_data.jaar > laatste.laatste_jaar - {{ aantal_jaren }}
