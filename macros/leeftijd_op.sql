{#- Age in whole years on a date (peildatum), birthday-aware: the difference of the years,
    minus one when the birthday (month, day) has not yet been reached on the peildatum.
    Someone born on 29 February becomes a year older on 1 March in a non-leap year.
    Plain ANSI (extract), the same SQL on every adapter. Both arguments are SQL expressions. -#}
{% macro leeftijd_op(geboortedatum, peildatum) -%}
    cast(
        extract(year from {{ peildatum }}) - extract(year from {{ geboortedatum }})
        - case
            when extract(month from {{ peildatum }}) * 100 + extract(day from {{ peildatum }})
                < extract(month from {{ geboortedatum }}) * 100 + extract(day from {{ geboortedatum }})
                then 1
            else 0
        end
        as {{ dbt.type_int() }}
    )
{%- endmacro %}
