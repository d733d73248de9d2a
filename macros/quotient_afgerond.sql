{#- teller / noemer rounded half up to `decimalen` decimals, the same on every engine. A plain
    cast(a / b as decimal) rounds a tie (397.495) differently: DuckDB divides decimals in double
    precision (397.4949... -> 397.49), Spark in exact decimals (-> 397.50). Doubling the scaled
    quotient keeps a tie an exact whole number in both, so floor((2q + 1) / 2) rounds it alike. -#}
{% macro quotient_afgerond(teller, noemer, decimalen) -%}
    floor((2 * ({{ teller }}) * {{ 10 ** decimalen }} / ({{ noemer }}) + 1) / 2) / {{ 10 ** decimalen }}
{%- endmacro %}
