{#- Generic test: a boolean SQL expression holds for every row of the model (optionally only
    for rows satisfying `where`, the standard test config). A null result counts as a failure.
    Usable on a model or a column (column_name is accepted and ignored: the expression says it all).
    Returns the rows where it does not hold; no rows = pass. -#}
{% test expression_holds(model, expression, column_name=none) %}
    select *
    from {{ model }}
    where not coalesce({{ expression }}, false)
{% endtest %}
