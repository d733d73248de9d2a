{#- The month of a date as text YYYY-MM (the format of verwerkingsmaand in staging), e.g. for
    behandelmaand. The default uses ANSI extract + lpad; DuckDB and Spark format natively. -#}
{% macro year_month(date_expr) -%}
    {{ return(adapter.dispatch('year_month')(date_expr)) }}
{%- endmacro %}

{% macro default__year_month(date_expr) -%}
    {{ dbt.concat([
        "cast(extract(year from " ~ date_expr ~ ") as " ~ dbt.type_string() ~ ")",
        "'-'",
        "lpad(cast(extract(month from " ~ date_expr ~ ") as " ~ dbt.type_string() ~ "), 2, '0')"
    ]) }}
{%- endmacro %}

{% macro duckdb__year_month(date_expr) -%}
    strftime({{ date_expr }}, '%Y-%m')
{%- endmacro %}

{% macro spark__year_month(date_expr) -%}
    date_format({{ date_expr }}, 'yyyy-MM')
{%- endmacro %}
