{#- dbt.listagg on Spark: dbt-spark 1.11 ignores order_by_clause (with a warning), so the order of
    the values would depend on the shuffle. This override (dispatch finds the root project's macro
    first) honours "order by <expr>[, <expr>...]" (ascending, nulls first, as Spark sorts structs):
    collect (sort keys..., value) structs, sort the array, keep the values. Descending orders are
    refused rather than silently ignored. Other adapters are not affected. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if order_by_clause -%}
        {%- set keys = order_by_clause | trim | replace('order by', '', 1) | replace('ORDER BY', '', 1) -%}
        {%- if ' desc' in (keys | lower) -%}
            {{ exceptions.raise_compiler_error('listagg on Spark: only ascending orders are supported: ' ~ order_by_clause) }}
        {%- endif -%}
        {%- set fields = [] -%}
        {%- for key in keys.split(',') -%}
            {%- do fields.append((key | trim | replace(' asc', '') | replace(' ASC', '')) ~ ' as k' ~ loop.index) -%}
        {%- endfor -%}
        {%- set collected -%}
            transform(
                array_sort(collect_list(struct({{ fields | join(', ') }}, {{ measure }} as v))),
                x -> x.v
            )
        {%- endset -%}
    {%- else -%}
        {%- set collected -%}collect_list({{ measure }}){%- endset -%}
    {%- endif -%}
    {%- if limit_num -%}
        {%- set collected -%}slice({{ collected }}, 1, {{ limit_num }}){%- endset -%}
    {%- endif -%}
    {{ return('array_join(' ~ collected ~ ', ' ~ delimiter_text ~ ')') }}
{%- endmacro %}
