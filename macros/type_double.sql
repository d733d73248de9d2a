{#- An 8-byte floating-point type, per adapter. dbt.type_float() renders "float", which is a
    4-byte REAL on DuckDB; the marts' figures need double precision. DuckDB and Spark call it
    double, the default is the ANSI double precision. -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}
