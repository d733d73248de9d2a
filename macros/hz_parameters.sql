{#- Parameters of the Dashboard huisartsenzorg, each a dbt var with its default in this one place
    (models and tests call these macros, never var() with a default of their own).
    hz_huisarts_kwalificaties(): the AGB kwalificatiecodes that make a provider a GP
    (var huisarts_kwalificaties, default ['0101'] huisarts).
    hz_min_praktijkgrootte(): the least number of linked patients of a practice that counts in the
    number of practices and the mean practice size (var huisartsenzorg_min_praktijkgrootte,
    default 100). -#}
{% macro hz_huisarts_kwalificaties() -%}
    {{ return(var('huisarts_kwalificaties', ['0101'])) }}
{%- endmacro %}

{% macro hz_min_praktijkgrootte() -%}
    {{ return(var('huisartsenzorg_min_praktijkgrootte', 100)) }}
{%- endmacro %}
