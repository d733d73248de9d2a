{#- Parameters of the Gemeentezorgspiegel, each a dbt var with its default in this one place
    (models and tests call these macros, never var() with a default of their own).
    gzs_min_celgrootte(): the least number of persons a published cell may rest on
    (var gzs_min_celgrootte, default 10); a cell with fewer is suppressed (macro gzs_onderdrukking).
    gzs_onderdrukking_rondes(): how many passes of secondary suppression gzs_onderdrukking makes
    (var gzs_onderdrukking_rondes, default 10); the generic test kleine_cellen_onderdrukt fails when
    a pattern is still open after them, so too few passes can never publish a derivable cell. -#}
{% macro gzs_min_celgrootte() -%}
    {{ return(var('gzs_min_celgrootte', 10)) }}
{%- endmacro %}

{% macro gzs_onderdrukking_rondes() -%}
    {{ return(var('gzs_onderdrukking_rondes', 10)) }}
{%- endmacro %}
