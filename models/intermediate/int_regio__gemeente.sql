{#- One row per gemeente with its code and name in each region classification (seed
    gemeente_regio is long: one row per gemeente per classification). Every model that needs a
    region of a gemeente joins this one. -#}
{%- set indelingen = ['provincie', 'ggd_regio', 'arbeidsmarktregio', 'hechte_huisartsenzorg'] -%}

select
    gemeenten.gemeentecode,
    {%- for indeling in indelingen %}
        max(case when regio.regio_indeling = '{{ indeling }}' then regio.regio_code end) as {{ indeling }}_code,
        max(case when regio.regio_indeling = '{{ indeling }}' then regio.regio_naam end) as {{ indeling }}_naam,
    {%- endfor %}
    gemeenten.gemeentenaam
from {{ ref('cbs_gemeenten') }} as gemeenten
left join {{ ref('gemeente_regio') }} as regio
    on gemeenten.gemeentecode = regio.gemeentecode
group by gemeenten.gemeentecode, gemeenten.gemeentenaam
