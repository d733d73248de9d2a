{#- Generic test on a gemeentezorgspiegel mart (the cell shape of macro gzs_onderdrukking): no
    published figure rests on fewer than gzs_min_celgrootte() persons, and no suppressed value can be
    derived by one subtraction. Returns one row per violation (sleutel, fout); no rows = pass.
    (a) every row is either published with aantal_personen >= gzs_min_celgrootte(), or suppressed
        (is_onderdrukt) with aantal_personen and every column in `maten` null;
    (b) no group of a parent with its children (regions: a region and the regions one level below;
        categories: the total `categorie_totaal` of `categorie_kolom` and the other categories) has
        exactly one suppressed member - so this also proves that the passes of gzs_onderdrukking
        converged;
    (c) in every group with its parent and no suppressed member, the children add up to the parent
        for each measure in regio_additief / categorie_additief - the equations (b) protects are real
        (a measure listed there really is a sum over the children).
    sleutels: the grid keys besides the region and the category (as given to gzs_onderdrukking). -#}
{% test kleine_cellen_onderdrukt(model, sleutels, maten, regio_additief,
    categorie_kolom=none, categorie_totaal=none, categorie_additief=[]) %}
    {%- set hierarchieen = {'regio': regio_additief} -%}
    {%- if categorie_kolom -%}
        {%- do hierarchieen.update({'categorie': categorie_additief}) -%}
    {%- endif -%}
    {%- set additief = (regio_additief + categorie_additief) | unique | list -%}
    {%- set sommen = [] -%}
    {%- for maat in additief -%}
        {%- do sommen.append('sum(case when rollen.rol = 1 then cellen.' ~ maat ~ ' else 0 end) as ouder_' ~ maat) -%}
        {%- do sommen.append('sum(case when rollen.rol = 0 then cellen.' ~ maat ~ ' else 0 end) as kinderen_' ~ maat) -%}
    {%- endfor -%}
    {%- set verschillen = [] -%}
    {%- for hierarchie, maten_h in hierarchieen.items() -%}
        {%- for maat in maten_h -%}
            {%- do verschillen.append("(hierarchie = '" ~ hierarchie ~ "' and ouder_" ~ maat ~ ' != kinderen_' ~ maat ~ ')') -%}
        {%- endfor -%}
    {%- endfor %}

    with cellen as (

        select
            *,
            {{ gzs_celsleutels(sleutels, categorie_kolom, categorie_totaal) }},
            case when is_onderdrukt then 1 else 0 end as onderdrukt
        from {{ model }}

    ),

    rollen as (

        select 0 as rol
        union all
        select 1 as rol

    ),

    -- Per hierarchy, every group of a parent (rol 1) with its children (rol 0).
    groepen as (

{%- for hierarchie in hierarchieen %}
            select
                '{{ hierarchie }}' as hierarchie,
                case when rollen.rol = 0 then cellen.{{ hierarchie }}_ouder else cellen.cel_id end as groep,
                {{ (sommen + ['']) | join(',\n                ') }}
                sum(rollen.rol) as n_ouders,
                count(*) as n_leden,
                sum(cellen.onderdrukt) as n_onderdrukt
            from cellen
            cross join rollen
            group by case when rollen.rol = 0 then cellen.{{ hierarchie }}_ouder else cellen.cel_id end
            {{- "\n\n            union all\n" if not loop.last }}
{% endfor %}
    )

    select
        cel_id as sleutel,
        'gepubliceerd met minder dan {{ gzs_min_celgrootte() }} personen' as fout
    from cellen
    where not is_onderdrukt and (aantal_personen is null or aantal_personen < {{ gzs_min_celgrootte() }})

    union all

    select
        cel_id as sleutel,
        'onderdrukte cel met een waarde' as fout
    from cellen
    where
        is_onderdrukt is null
        or (is_onderdrukt and not ({{ (['aantal_personen'] + maten) | join(' is null and ') }} is null))

    union all

    select
        groep as sleutel,
        {{ dbt.concat(["'precies een onderdrukte cel in de groep ('", 'hierarchie', "')'"]) }} as fout
    from groepen
    where groep is not null and n_ouders = 1 and n_leden > 1 and n_onderdrukt = 1

    union all

    select
        groep as sleutel,
        {{ dbt.concat(["'de kinderen tellen niet op tot de ouder ('", 'hierarchie', "')'"]) }} as fout
    from groepen
    where
        groep is not null and n_ouders = 1 and n_leden > 1 and n_onderdrukt = 0
        and ({{ verschillen | join(' or ') if verschillen else 'false' }})

{% endtest %}
