{#- Operation: make the warehouse's landing zone (the sources in schemas raw and ingest) readable on
    an engine that does not run the ingest, from a Parquet export of it (`zorgspiegel spark-raw`
    writes <path>/<schema>/<table>/*.parquet from DuckDB and calls this macro). Every source table
    in the given schemas becomes a table over its folder, under the schema and identifier the
    sources declare, so the models read it unchanged. Idempotent: an existing registration is
    replaced (the files stay).
    Usage: dbt run-operation register_parquet_sources --target spark --args '{path: /abs/dir}' -#}
{% macro register_parquet_sources(path, schemas=['raw', 'ingest']) -%}
    {{ return(adapter.dispatch('register_parquet_sources')(path, schemas)) }}
{%- endmacro %}

{% macro default__register_parquet_sources(path, schemas) -%}
    {{ exceptions.raise_compiler_error(
        'register_parquet_sources is for engines without the ingest (Spark); ' ~ target.type
        ~ ' reads the raw layer the ingest writes') }}
{%- endmacro %}

{% macro spark__register_parquet_sources(path, schemas) -%}
    {%- set created = [] -%}
    {%- for node in graph.sources.values() | sort(attribute='unique_id') if node.schema in schemas -%}
        {%- set folder = path ~ '/' ~ node.schema ~ '/' ~ node.identifier -%}
        {%- if node.schema not in created -%}
            {%- do run_query('create database if not exists ' ~ node.schema) -%}
            {%- do created.append(node.schema) -%}
        {%- endif -%}
        {%- do run_query('drop table if exists ' ~ node.schema ~ '.' ~ node.identifier) -%}
        {%- do run_query(
            'create table ' ~ node.schema ~ '.' ~ node.identifier ~ " using parquet location '" ~ folder ~ "'"
        ) -%}
        {{ log('registered ' ~ node.schema ~ '.' ~ node.identifier ~ ' -> ' ~ folder, info=true) }}
    {%- endfor -%}
{%- endmacro %}
