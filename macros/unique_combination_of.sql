{#- Generic test: the combination of the given columns is unique in the model (no dbt_utils here).
    Returns one row per duplicated combination; no rows = pass. -#}
{% test unique_combination_of(model, columns) %}
    select
        {{ columns | join(', ') }},
        count(*) as aantal
    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{% endtest %}
