{#- Generic test: no row of the model matches a row of another relation on the given column
    pairs (columns[i] = to_columns[i]), optionally only rows of `to` that satisfy to_where.
    E.g. no claim line in int_declaraties__actueel is reversed by a C line in staging.
    Returns the model's matching rows; no rows = pass. -#}
{% test absent_in_relation(model, columns, to, to_columns, to_where=none) %}
    {%- set conditions = [] -%}
    {%- for column in columns -%}
        {%- do conditions.append('m.' ~ column ~ ' = t.' ~ to_columns[loop.index0]) -%}
    {%- endfor %}

    select m.*
    from {{ model }} as m
    inner join (
        select *
        from {{ to }}
        where {{ to_where or 'true' }}
    ) as t
        on {{ conditions | join(' and ') }}

{% endtest %}
