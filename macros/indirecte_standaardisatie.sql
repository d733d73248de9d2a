{#- Indirect standardisation: the one implementation of "expected for your unit" (verwacht voor uw
    praktijk). For every group (e.g. age class x sex x SES-WOA class) the mean of a measure per
    person in the region and in the whole population is computed; a unit's expected value is
    sum over groups (its persons in the group x that group's mean). Actual and expected are TOTALS
    for the unit (divide by `patienten` for a per-person figure). Properties: the expected totals
    of all units add up to the actual total, nationally and per region.

    Emits common table expressions (named ist_*) followed by the final select, to be placed after
    the caller's own CTEs and a trailing comma:
        with populatie as (...), maten as (...),
        {{ indirecte_standaardisatie('populatie', 'maten', 'praktijk_agb', 'regiocode', [...]) }}
    Arguments:
      populatie: relation or CTE with one row per person counted per partition: the partition
        columns, `persoon`, the unit (eenheid), its region (regio; one region per unit and
        partition, null = no region) and the group columns (never null; e.g. 'onbekend').
      maten: relation or CTE (partition columns, `persoon`, maat, waarde): the measures per person,
        only non-zero values needed (a person without a row has 0); waarde numeric. Rows of persons
        not in populatie are ignored.
      eenheid, regio: column names in populatie; groepen: list of group column names;
      partitie: list of partition columns (default ['jaar']); persoon: the person key column.
      regio may be none: no regional reference at all (no regio column in populatie, and no regio
        and verwacht_regio columns in the output).
      maat: list of the columns in maten that together identify a measure (default ['maat']; e.g.
        ['domein', 'categorie', 'maat']); the output has these columns in place of `maat`.
    Output, one row per (partition, unit, maat) where the maat has a non-zero value in one of the
    unit's groups nationally or for the unit itself: the partition columns, eenheid, regio,
    patienten (persons of the unit), maat, waarde (actual total), verwacht_regio (expected total
    from the region's group means; null when the unit has no region) and verwacht_nederland
    (expected total from the national group means). A (unit, maat) without a row has actual and
    expected 0. -#}
{% macro indirecte_standaardisatie(
    populatie, maten, eenheid, regio, groepen, partitie=['jaar'], persoon='persoon_id', maat=['maat']
) -%}
    {%- set regio_lijst = [regio] if regio else [] -%}
    {%- set per_eenheid = partitie + [eenheid] + regio_lijst + groepen -%}

    -- Persons per unit and group.
    ist_groep_eenheid as (

        select
            {{ per_eenheid | join(', ') }},
            count(*) as patienten
        from {{ populatie }}
        group by {{ per_eenheid | join(', ') }}

    ),

    -- The sum of each measure per unit and group.
    ist_som_groep_eenheid as (

        select
            {{ ist_kolommen('populatie', per_eenheid) }},
            {{ ist_kolommen('maten', maat) }},
            sum(maten.waarde) as waarde
        from {{ maten }} as maten
        inner join {{ populatie }} as populatie
            on {{ ist_gelijk('maten', 'populatie', partitie + [persoon]) }}
        group by {{ ist_kolommen('populatie', per_eenheid) }}, {{ ist_kolommen('maten', maat) }}

    ),
    {{ indirecte_standaardisatie_uit_sommen(
        'ist_groep_eenheid', 'ist_som_groep_eenheid', eenheid, regio, groepen, partitie, maat
    ) }}
{%- endmacro %}


{#- The same standardisation from the two sums per unit and group instead of person-level rows, for
    a caller that has them already (e.g. aggregated per neighbourhood first, so that tens of millions
    of person rows are not joined twice): groep_eenheid (partition columns, eenheid, regio, groups,
    patienten = the persons of the unit in the group) and som_groep_eenheid (the same columns but
    patienten, plus the maat columns and waarde = the sum of the measure over those persons; only
    groups with persons). Output and properties as indirecte_standaardisatie, which computes the two
    sums from persons and then renders exactly this. -#}
{% macro indirecte_standaardisatie_uit_sommen(
    groep_eenheid, som_groep_eenheid, eenheid, regio, groepen, partitie=['jaar'], maat=['maat']
) -%}
    {%- set regio_lijst = [regio] if regio else [] -%}
    {%- set per_regio = partitie + regio_lijst + groepen -%}
    {%- set per_land = partitie + groepen -%}
    {%- set sleutel = partitie + [eenheid] -%}
    {%- set maat_kolommen = maat | join(', ') -%}
    {%- if regio %}

    ist_groep_regio as (

        select
            {{ per_regio | join(', ') }},
            sum(patienten) as patienten
        from {{ groep_eenheid }}
        where {{ regio }} is not null
        group by {{ per_regio | join(', ') }}

    ),
    {%- endif %}

    ist_groep_land as (

        select
            {{ per_land | join(', ') }},
            sum(patienten) as patienten
        from {{ groep_eenheid }}
        group by {{ per_land | join(', ') }}

    ),

    {%- if regio %}

    ist_som_groep_regio as (

        select
            {{ per_regio | join(', ') }},
            {{ maat_kolommen }},
            sum(waarde) as waarde
        from {{ som_groep_eenheid }}
        where {{ regio }} is not null
        group by {{ per_regio | join(', ') }}, {{ maat_kolommen }}

    ),
    {%- endif %}

    ist_som_groep_land as (

        select
            {{ per_land | join(', ') }},
            {{ maat_kolommen }},
            sum(waarde) as waarde
        from {{ som_groep_eenheid }}
        group by {{ per_land | join(', ') }}, {{ maat_kolommen }}

    ),

    -- The group means: the sum of the measure over the group's persons / the group's persons, in
    -- double precision on every engine (Spark would divide a decimal measure in decimals rounded to
    -- six places, and the sums of those rounded means drift from DuckDB's by up to 1e-6 per group).
    {%- if regio %}
    ist_gemiddelde_regio as (

        select
            {{ ist_kolommen('som', per_regio) }},
            {{ ist_kolommen('som', maat) }},
            cast(som.waarde as {{ type_double() }}) / groep.patienten as gemiddelde
        from ist_som_groep_regio as som
        inner join ist_groep_regio as groep
            on {{ ist_gelijk('som', 'groep', per_regio) }}

    ),
    {%- endif %}

    ist_gemiddelde_land as (

        select
            {{ ist_kolommen('som', per_land) }},
            {{ ist_kolommen('som', maat) }},
            cast(som.waarde as {{ type_double() }}) / groep.patienten as gemiddelde
        from ist_som_groep_land as som
        inner join ist_groep_land as groep
            on {{ ist_gelijk('som', 'groep', per_land) }}

    ),

    -- Expected total of a unit: sum over its groups of (its persons in the group x the group mean).
    {%- if regio %}
    ist_verwacht_regio as (

        select
            {{ ist_kolommen('groep', sleutel) }},
            {{ ist_kolommen('gemiddelde', maat) }},
            sum(groep.patienten * gemiddelde.gemiddelde) as verwacht
        from {{ groep_eenheid }} as groep
        inner join ist_gemiddelde_regio as gemiddelde
            on {{ ist_gelijk('groep', 'gemiddelde', per_regio) }}
        group by {{ ist_kolommen('groep', sleutel) }}, {{ ist_kolommen('gemiddelde', maat) }}

    ),
    {%- endif %}

    ist_verwacht_land as (

        select
            {{ ist_kolommen('groep', sleutel) }},
            {{ ist_kolommen('gemiddelde', maat) }},
            sum(groep.patienten * gemiddelde.gemiddelde) as verwacht
        from {{ groep_eenheid }} as groep
        inner join ist_gemiddelde_land as gemiddelde
            on {{ ist_gelijk('groep', 'gemiddelde', per_land) }}
        group by {{ ist_kolommen('groep', sleutel) }}, {{ ist_kolommen('gemiddelde', maat) }}

    ),

    ist_werkelijk as (

        select
            {{ sleutel | join(', ') }},
            {{ maat_kolommen }},
            sum(waarde) as waarde
        from {{ som_groep_eenheid }}
        group by {{ sleutel | join(', ') }}, {{ maat_kolommen }}

    ),

    ist_eenheid as (

        select
            {{ (sleutel + regio_lijst) | join(', ') }},
            sum(patienten) as patienten
        from {{ groep_eenheid }}
        group by {{ (sleutel + regio_lijst) | join(', ') }}

    ),

    -- Every (unit, measure) with an expected national value or an actual value.
    ist_sleutels as (

        select
            {{ sleutel | join(', ') }},
            {{ maat_kolommen }}
        from ist_verwacht_land
        union
        select
            {{ sleutel | join(', ') }},
            {{ maat_kolommen }}
        from ist_werkelijk

    )

    select
        {{ ist_kolommen('sleutels', sleutel) }},
        {% if regio %}eenheden.{{ regio }},
        {% endif %}eenheden.patienten,
        {{ ist_kolommen('sleutels', maat) }},
        coalesce(werkelijk.waarde, 0) as waarde,
        {% if regio %}case when eenheden.{{ regio }} is not null then coalesce(verwacht_regio.verwacht, 0) end
            as verwacht_regio,
        {% endif %}coalesce(verwacht_land.verwacht, 0) as verwacht_nederland
    from ist_sleutels as sleutels
    inner join ist_eenheid as eenheden
        on {{ ist_gelijk('sleutels', 'eenheden', sleutel) }}
    left join ist_werkelijk as werkelijk
        on {{ ist_gelijk('sleutels', 'werkelijk', sleutel + maat) }}
    {%- if regio %}
    left join ist_verwacht_regio as verwacht_regio
        on {{ ist_gelijk('sleutels', 'verwacht_regio', sleutel + maat) }}
    {%- endif %}
    left join ist_verwacht_land as verwacht_land
        on {{ ist_gelijk('sleutels', 'verwacht_land', sleutel + maat) }}
{%- endmacro %}

{#- Helpers of indirecte_standaardisatie: the columns qualified with a table alias
    ("a.x, a.y"), and the equality of the columns of two aliases ("a.x = b.x and a.y = b.y"). -#}
{% macro ist_kolommen(alias, kolommen) -%}
    {%- for kolom in kolommen %}{{ alias }}.{{ kolom }}{% if not loop.last %}, {% endif %}{% endfor -%}
{%- endmacro %}

{% macro ist_gelijk(links, rechts, kolommen) -%}
    {%- for kolom in kolommen -%}
        {% if not loop.first %} and {% endif %}{{ links }}.{{ kolom }} = {{ rechts }}.{{ kolom }}
    {%- endfor -%}
{%- endmacro %}

{#- Actual / expected: the ratio every standardised figure reports; null when the expected value is
    0 or unknown (no ratio to an expectation of nothing). -#}
{% macro ratio_tov_verwacht(waarde, verwacht) -%}
    case when {{ verwacht }} > 0 then {{ waarde }} / {{ verwacht }} end
{%- endmacro %}
