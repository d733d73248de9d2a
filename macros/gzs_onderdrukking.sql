{#- Small-cell suppression of the Gemeentezorgspiegel: THE one rule, used by every person-based
    gemeentezorgspiegel mart (and checked by the generic test kleine_cellen_onderdrukt).

    THE CELL SHAPE. The input relation (a CTE name or a relation) holds one unsuppressed cell per
    row with: niveau ('nl', 'gemeente', 'wijk', 'buurt'), regiocode ('NL', GMxxxx, WKxxxxxx,
    BUxxxxxxxx), gemeentecode, bovenliggende_regiocode (the region one level up: NL for a gemeente,
    its gemeente for a wijk, its wijk for a buurt, null for NL), zichtbaar_voor_gemeentecode,
    aantal_personen (the distinct persons the cell rests on), the grid keys `sleutels` (e.g. jaar,
    domein), optionally a category column `categorie_kolom` whose value `categorie_totaal` is the
    total of the other categories, and the measures `maten`.

    PRIMARY: aantal_personen < gzs_min_celgrootte() (var gzs_min_celgrootte, default 10), or the
    boolean column `forceer` is true (e.g. the population the cell's ratios divide by is suppressed).

    SECONDARY, per hierarchy - regions (a region and the regions one level below it, with the same
    other keys) and, when categorie_kolom is given, categories (the total and the other categories
    of the same region and keys): each parent with its children is one equation parent = sum of
    children (for the measures that add up, see docs/gemeentezorgspiegel.md). When exactly one
    member of such a group is suppressed, one subtraction would reveal it, so one more member is
    suppressed: the smallest unsuppressed child (fewest persons, then the lowest key) - also when the
    one suppressed member is the parent (else parent = sum of its children) -, or the parent when
    the suppressed child is its only child. A group without its parent row (e.g. Jeugdwet, which has
    no national row) is no equation. Each pass treats the regions, then the categories; passes
    repeat gzs_onderdrukking_rondes() times (var, default 10) - every pass only adds suppressions,
    so the result is stable once a pass adds none, and the generic test proves it is.

    Portable: window functions over narrow integer rows (cells numbered once), one scan of the
    previous state per step, so the plan grows linearly with the passes also where CTEs are inlined
    (Spark). On DuckDB the steps are materialised (gzs_materialiseer), without which its optimizer
    takes superlinear time on the chain.

    Renders CTE definitions (no leading WITH, no trailing comma), the last one named
    gzs_onderdrukt: the input's region columns, sleutels, categorie_kolom, then aantal_personen and
    every measure null in a suppressed cell, and is_onderdrukt. Example:
        with cellen as (...),
        {{ gzs_onderdrukking('cellen', ['jaar', 'domein'], ['kosten'], 'categorie', '(totaal)') }}
        select ... from gzs_onderdrukt -#}
{% macro gzs_onderdrukking(relation, sleutels, maten, categorie_kolom=none, categorie_totaal=none, forceer=none) -%}
    {%- set hierarchieen = ['regio'] + (['categorie'] if categorie_kolom else []) -%}
    {%- set rondes = gzs_onderdrukking_rondes() -%}
    {%- set vorige = namespace(naam='gzs_stap_0') -%}
    {%- set primair = relation ~ '.aantal_personen < ' ~ gzs_min_celgrootte() -%}
    {%- if forceer -%}
        {%- set primair = primair ~ ' or coalesce(' ~ relation ~ '.' ~ forceer ~ ', false)' -%}
    {%- endif -%}
    {%- set doorgegeven = [] -%}
    {%- for kolom in sleutels + ([categorie_kolom] if categorie_kolom else []) -%}
        {%- do doorgegeven.append('gzs_cellen.' ~ kolom) -%}
    {%- endfor -%}
    {%- for maat in maten -%}
        {%- do doorgegeven.append('case when eind.onderdrukt = 0 then gzs_cellen.' ~ maat ~ ' end as ' ~ maat) -%}
    {%- endfor -%}

    gzs_cellen as (

        select
            {{ relation }}.*,
            {{ gzs_celsleutels(sleutels, categorie_kolom, categorie_totaal) }},
            case when {{ primair }} then 1 else 0 end as is_primair
        from {{ relation }}

    ),

    -- Integer numbers for the cells and their parents (a parent that has no row of its own gets
    -- none: a group without its parent is no equation), so the passes work on narrow integer rows.
    gzs_nummers as (

        select
            cel_id,
            row_number() over (order by cel_id) as cel_nr
        from gzs_cellen

    ),

    gzs_stap_0 as {{ gzs_materialiseer() }} (

        select
            nummers.cel_nr,
            regio_ouder.cel_nr as regio_ouder,
            categorie_ouder.cel_nr as categorie_ouder,
            gzs_cellen.aantal_personen,
            gzs_cellen.is_primair as onderdrukt
        from gzs_cellen
        inner join gzs_nummers as nummers
            on gzs_cellen.cel_id = nummers.cel_id
        left join gzs_nummers as regio_ouder
            on gzs_cellen.regio_ouder = regio_ouder.cel_id
        left join gzs_nummers as categorie_ouder
            on gzs_cellen.categorie_ouder = categorie_ouder.cel_id

    ),

    gzs_rollen as (

        -- Every cell takes part in two groups per hierarchy: as a child (rol 0, the group of its
        -- parent) and as a parent (rol 1, its own group).
        select 0 as rol
        union all
        select 1 as rol

    ),

    {%- for ronde in range(1, rondes + 1) %}
        {%- for hierarchie in hierarchieen %}
            {%- set stap = 'gzs_stap_' ~ ronde ~ '_' ~ hierarchie %}

            {{ stap }}_stand as (

                select
                    stap.cel_nr,
                    stap.regio_ouder,
                    stap.categorie_ouder,
                    stap.aantal_personen,
                    stap.onderdrukt,
                    rollen.rol,
                    sum(rollen.rol) over (partition by {{ gzs_groep(hierarchie) }}) as n_ouders,
                    count(*) over (partition by {{ gzs_groep(hierarchie) }}) as n_leden,
                    sum(stap.onderdrukt) over (partition by {{ gzs_groep(hierarchie) }}) as n_onderdrukt,
                    row_number() over (
                        partition by {{ gzs_groep(hierarchie) }}, rollen.rol, stap.onderdrukt
                        order by stap.aantal_personen asc, stap.cel_nr asc
                    ) as rang
                from {{ vorige.naam }} as stap
                cross join gzs_rollen as rollen
                where {{ gzs_groep(hierarchie) }} is not null

            ),

            {{ stap }} as {{ gzs_materialiseer() }} (

                -- Exactly one suppressed member in a group with its parent: suppress the smallest
                -- unsuppressed child, or the parent when the suppressed child is its only child.
                select
                    cel_nr,
                    max(regio_ouder) as regio_ouder,
                    max(categorie_ouder) as categorie_ouder,
                    max(aantal_personen) as aantal_personen,
                    max(
                        case
                            when onderdrukt = 1 then 1
                            when
                                n_ouders = 1 and n_leden > 1 and n_onderdrukt = 1
                                and ((rol = 0 and rang = 1) or (rol = 1 and n_leden = 2))
                                then 1
                            else 0
                        end
                    ) as onderdrukt
                from {{ stap }}_stand
                group by cel_nr

            ),
            {%- set vorige.naam = stap %}
        {%- endfor %}
    {%- endfor %}

    gzs_onderdrukt as (

        select
            gzs_cellen.niveau,
            gzs_cellen.regiocode,
            gzs_cellen.gemeentecode,
            gzs_cellen.bovenliggende_regiocode,
            gzs_cellen.zichtbaar_voor_gemeentecode,
            {{ doorgegeven | join(',\n            ') }},
            case when eind.onderdrukt = 0 then gzs_cellen.aantal_personen end as aantal_personen,
            eind.onderdrukt = 1 as is_onderdrukt
        from gzs_cellen
        inner join gzs_nummers as nummers
            on gzs_cellen.cel_id = nummers.cel_id
        inner join {{ vorige.naam }} as eind
            on nummers.cel_nr = eind.cel_nr

    )
{%- endmacro %}


{#- The keys of a gemeentezorgspiegel cell as text, for gzs_onderdrukking and the generic test
    kleine_cellen_onderdrukt (one definition of the hierarchies): cel_id (sleutels, regiocode and the
    category: unique per cell), regio_ouder (the cel_id of the same cell one region level up; null
    for NL) and categorie_ouder (the cel_id of the category total of the same region and keys; null
    for the total itself and when there is no category column). -#}
{% macro gzs_celsleutels(sleutels, categorie_kolom=none, categorie_totaal=none) -%}
    {%- set delen = [] -%}
    {%- for sleutel in sleutels -%}
        {%- do delen.append("coalesce(cast(" ~ sleutel ~ " as " ~ dbt.type_string() ~ "), '')") -%}
        {%- do delen.append("'|'") -%}
    {%- endfor -%}
    {%- set categorie = ("cast(" ~ categorie_kolom ~ " as " ~ dbt.type_string() ~ ")") if categorie_kolom else "''" -%}
    {%- set totaal = ("'" ~ categorie_totaal ~ "'") if categorie_kolom else "''" -%}
    {{ dbt.concat(delen + ['regiocode', "'|'", categorie]) }} as cel_id,
    case
        when bovenliggende_regiocode is not null
            then {{ dbt.concat(delen + ['bovenliggende_regiocode', "'|'", categorie]) }}
    end as regio_ouder,
    {%- if categorie_kolom %}
        case
            when {{ categorie_kolom }} != {{ totaal }} then {{ dbt.concat(delen + ['regiocode', "'|'", totaal]) }}
        end as categorie_ouder
    {%- else %}
        cast(null as {{ dbt.type_string() }}) as categorie_ouder
    {%- endif %}
{%- endmacro %}


{#- The keyword that makes a CTE be computed once, per adapter: DuckDB "materialized" (without it,
    DuckDB's optimizer takes superlinear time on the chain of suppression passes); nothing elsewhere
    (Spark and the ANSI default have no such keyword). -#}
{% macro gzs_materialiseer() -%}
    {{ return(adapter.dispatch('gzs_materialiseer')()) }}
{%- endmacro %}

{% macro default__gzs_materialiseer() -%}
{%- endmacro %}

{% macro duckdb__gzs_materialiseer() -%}
    materialized
{%- endmacro %}


{#- The group a cell's membership row belongs to in a pass of gzs_onderdrukking: its parent's group
    (rol 0, the child) or its own group (rol 1, the parent). -#}
{% macro gzs_groep(hierarchie) -%}
    case when rollen.rol = 0 then stap.{{ hierarchie }}_ouder else stap.cel_nr end
{%- endmacro %}
