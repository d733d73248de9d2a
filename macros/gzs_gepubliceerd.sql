{#- The published cells of a person-based Gemeentezorgspiegel mart: THE one way each of those marts
    goes from its intermediate cells to what it publishes, so the marts only name and type columns.

    1. Population: when `populatie` names a leeftijdsgroep of gemeentezorgspiegel__inwoners
       ('(alle)', '18+'), a cell whose population (same jaar and regiocode) is suppressed there, or
       missing, is suppressed too: its ratios divide by that population, so publishing them would
       reveal it. Without `populatie` (e.g. crisis GGZ, whose ratios are per patient) no cell is
       forced.
    2. Suppression by the one rule, macro gzs_onderdrukking (sleutels, maten, the category
       hierarchy).
    3. National reference: for every measure in `landelijk`, a column landelijk_<measure> with the
       national ('nl') cell of the same keys (sleutels and the category), shown only next to a
       published cell - so a suppressed row carries no figure from which anything follows.

    Renders CTE definitions (no leading WITH, no trailing comma), the last one named
    gzs_gepubliceerd: every column of gzs_onderdrukt plus the landelijk_<measure> columns. Example:
        with {{ gzs_gepubliceerd('int_gemeentezorgspiegel__cellen_epa', ['jaar'], ['kosten'],
                                 landelijk=['kosten'], populatie='18+') }}
        select ... from gzs_gepubliceerd -#}
{% macro gzs_gepubliceerd(
    cellen_model, sleutels, maten, categorie_kolom=none, categorie_totaal=none, landelijk=[], populatie=none
) -%}
    {%- set landelijke_sleutels = sleutels + ([categorie_kolom] if categorie_kolom else []) -%}
    {%- set zelfde_sleutels = [] -%}
    {%- for kolom in landelijke_sleutels -%}
        {%- do zelfde_sleutels.append('cel.' ~ kolom ~ ' = gzs_nederland.' ~ kolom) -%}
    {%- endfor -%}

    {%- if populatie %}
    gzs_populatie as (

        select
            jaar,
            regiocode,
            is_onderdrukt
        from {{ ref('gemeentezorgspiegel__inwoners') }}
        where leeftijdsgroep = '{{ populatie }}'

    ),
    {%- endif %}

    gzs_invoer as (

        select
            cellen.*
    {%- if populatie %},
            coalesce(gzs_populatie.is_onderdrukt, true) as populatie_onderdrukt
    {%- endif %}
        from {{ ref(cellen_model) }} as cellen
    {%- if populatie %}
        left join gzs_populatie
            on
                cellen.jaar = gzs_populatie.jaar
                and cellen.regiocode = gzs_populatie.regiocode
    {%- endif %}

    ),

    {{ gzs_onderdrukking(
        'gzs_invoer', sleutels, maten, categorie_kolom, categorie_totaal,
        forceer=('populatie_onderdrukt' if populatie else none)
    ) }},

    gzs_nederland as (

        select {{ (landelijke_sleutels + landelijk) | join(', ') }}
        from gzs_onderdrukt
        where niveau = 'nl'

    ),

    gzs_gepubliceerd as (

        select
            cel.*
    {%- for maat in landelijk %},
            case when not cel.is_onderdrukt then gzs_nederland.{{ maat }} end as landelijk_{{ maat }}
    {%- endfor %}
        from gzs_onderdrukt as cel
        left join gzs_nederland
            on {{ zelfde_sleutels | join(' and ') }}

    )
{%- endmacro %}
