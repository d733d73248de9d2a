{#- The median (50th percentile, interpolated between the two middle values) of a numeric SQL
    expression, as an aggregate. Per adapter: DuckDB quantile_cont, Spark percentile (exact), the
    default is the ANSI ordered-set aggregate percentile_cont(0.5) within group (order by ...). -#}
{% macro mediaan(expression) -%}
    {{ return(adapter.dispatch('mediaan')(expression)) }}
{%- endmacro %}

{% macro default__mediaan(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__mediaan(expression) -%}
    quantile_cont({{ expression }}, 0.5)
{%- endmacro %}

{% macro spark__mediaan(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}
