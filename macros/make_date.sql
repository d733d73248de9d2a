{#- A date from its parts (year, month, day as integer SQL expressions).
    DuckDB and Spark both have make_date(y, m, d); the default builds an ISO 8601 string
    (YYYY-MM-DD) and casts it, which every ANSI database understands. -#}
{% macro make_date(year, month, day) -%}
    {{ return(adapter.dispatch('make_date')(year, month, day)) }}
{%- endmacro %}

{% macro default__make_date(year, month, day) -%}
    cast(
        {{ dbt.concat([
            "cast(" ~ year ~ " as " ~ dbt.type_string() ~ ")",
            "'-'",
            "lpad(cast(" ~ month ~ " as " ~ dbt.type_string() ~ "), 2, '0')",
            "'-'",
            "lpad(cast(" ~ day ~ " as " ~ dbt.type_string() ~ "), 2, '0')"
        ]) }} as date
    )
{%- endmacro %}

{% macro duckdb__make_date(year, month, day) -%}
    make_date(cast({{ year }} as integer), cast({{ month }} as integer), cast({{ day }} as integer))
{%- endmacro %}

{% macro spark__make_date(year, month, day) -%}
    make_date(cast({{ year }} as int), cast({{ month }} as int), cast({{ day }} as int))
{%- endmacro %}
