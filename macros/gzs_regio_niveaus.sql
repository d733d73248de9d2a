{#- The region hierarchy of the Gemeentezorgspiegel: THE one place of its levels and of how a row
    that knows its buurt, wijk and gemeente is placed at each level. Used by
    int_gemeentezorgspiegel__inwoner_regio (inhabitants) and int_gemeentezorgspiegel__cellen_zorggebruik
    (buurt sums), so both place rows in the same regions with the same parents.

    gzs_niveaus(): the body of a CTE with one row per level (niveau: nl, gemeente, wijk, buurt).
    gzs_regio_op_niveau(alias): for a row `alias` (with gemeentecode, wijkcode, buurtcode) cross joined
    with that CTE as `niveaus`, the select items regiocode (NL, the gemeente, wijk or buurt),
    gemeentecode (null at nl) and bovenliggende_regiocode (the region one level up; null for NL). -#}
{% macro gzs_niveaus() -%}
    select 'nl' as niveau
    union all
    select 'gemeente' as niveau
    union all
    select 'wijk' as niveau
    union all
    select 'buurt' as niveau
{%- endmacro %}

{% macro gzs_regio_op_niveau(alias) -%}
    case niveaus.niveau
        when 'nl' then 'NL'
        when 'gemeente' then {{ alias }}.gemeentecode
        when 'wijk' then {{ alias }}.wijkcode
        else {{ alias }}.buurtcode
    end as regiocode,
    case when niveaus.niveau != 'nl' then {{ alias }}.gemeentecode end as gemeentecode,
    case niveaus.niveau
        when 'gemeente' then 'NL'
        when 'wijk' then {{ alias }}.gemeentecode
        when 'buurt' then {{ alias }}.wijkcode
    end as bovenliggende_regiocode
{%- endmacro %}
