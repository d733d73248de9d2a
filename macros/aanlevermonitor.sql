{#- The rules of the Aanlevermonitor (docs/aanlevermonitor.md), shared by the freshness check of
    every raw source (dbt source freshness, before the build) and the monitor's models.

    Periods are handled as month numbers (year * 12 + month - 1) so windows and cadences are plain
    integer arithmetic on every engine. A delivery's periode stands for the last month it covers:
    YYYY-MM that month, YYYY its December, YYYY-MM-DD (an AGB snapshot) the month of the date. -#}

{#- The month number of a periode text, or null when it is none of the spec's three formats (only
    a rejected delivery can have such a periode). -#}
{% macro am_periode_maand(periode) -%}
    case
        when {{ am_is_periode(periode) }}
            then cast(substring({{ periode }}, 1, 4) as {{ dbt.type_int() }}) * 12
            + case
                when length({{ periode }}) >= 7 then cast(substring({{ periode }}, 6, 2) as {{ dbt.type_int() }})
                else 12
            end
            - 1
    end
{%- endmacro %}

{#- True when a text is a periode of the spec: YYYY, YYYY-MM or YYYY-MM-DD (month 01-12). -#}
{% macro am_is_periode(periode) -%}
    {{ return(adapter.dispatch('am_is_periode')(periode)) }}
{%- endmacro %}

{% macro default__am_is_periode(periode) -%}
    ({{ periode }} similar to '[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?')
{%- endmacro %}

{% macro spark__am_is_periode(periode) -%}
    ({{ periode }} rlike '^[0-9]{4}(-(0[1-9]|1[0-2])(-[0-9]{2})?)?$')
{%- endmacro %}

{#- A month number as text YYYY-MM. -#}
{% macro am_maand_tekst(maand) -%}
    {{ dbt.concat([
        "cast(cast(floor((" ~ maand ~ ") / 12) as " ~ dbt.type_int() ~ ") as " ~ dbt.type_string() ~ ")",
        "'-'",
        "lpad(cast((" ~ maand ~ ") % 12 + 1 as " ~ dbt.type_string() ~ "), 2, '0')"
    ]) }}
{%- endmacro %}

{#- The label of a cadence period from the month number of its last month: YYYY-MM for a monthly
    source, YYYY for a yearly one. -#}
{% macro am_periode_tekst(maand, cadans) -%}
    case
        when {{ cadans }} = 'jaar'
            then cast(cast(floor(({{ maand }}) / 12) as {{ dbt.type_int() }}) as {{ dbt.type_string() }})
        else {{ am_maand_tekst(maand) }}
    end
{%- endmacro %}

{#- The monitor's as-of month, YYYY-MM (var aanlevermonitor_peilmaand); none = the data's latest
    period (the latest month any accepted delivery covers). The one place of that default. -#}
{% macro am_peilmaand() -%}
    {%- set peilmaand = var('aanlevermonitor_peilmaand', none) -%}
    {%- if peilmaand is not none and not modules.re.fullmatch('[0-9]{4}-(0[1-9]|1[0-2])', peilmaand | string) -%}
        {{ exceptions.raise_compiler_error(
            'var aanlevermonitor_peilmaand must be a month YYYY-MM, not ' ~ peilmaand) }}
    {%- endif -%}
    {{ return(peilmaand) }}
{%- endmacro %}

{#- The monitor's window: this many months up to and including the as-of month ("the last 12
    months"). -#}
{% macro am_venster_maanden() -%}
    {{ return(12) }}
{%- endmacro %}

{#- How far back a supplier counts as expected: it delivered (accepted) a period in this many
    months up to its source's latest period. Longer than any error threshold, so a supplier that
    stops is an error for a year or more before it drops out of the freshness check. -#}
{% macro am_verwacht_venster_maanden() -%}
    {{ return(24) }}
{%- endmacro %}

{#- The statuses of an accepted delivery: its rows are in the raw layer. -#}
{% macro am_geaccepteerd(status) -%}
    {{ status }} in ('geaccepteerd', 'geaccepteerd_met_quarantaine')
{%- endmacro %}

{#- Per source (bron) and supplier (leverancier) with an accepted delivery: its latest period, when
    that period was first accepted, and whether the supplier is expected (it delivered a period in
    the am_verwacht_venster_maanden() months up to the source's latest period). Renders three CTEs
    for a WITH clause, the last one named am_leveranciers. aanleverlog: a relation with the
    columns of ingest.aanleverlog (bron, leverancier, periode, status, beeindigd_op). -#}
{% macro am_leveranciers(aanleverlog) -%}
am_geaccepteerde_perioden as (

    select
        bron,
        leverancier,
        {{ am_periode_maand('periode') }} as periode_maand,
        min(beeindigd_op) as ontvangen_op
    from {{ aanleverlog }}
    where {{ am_geaccepteerd('status') }}
    group by bron, leverancier, {{ am_periode_maand('periode') }}

),

am_laatste_perioden as (

    select
        bron,
        leverancier,
        max(periode_maand) as periode_maand
    from am_geaccepteerde_perioden
    group by bron, leverancier

),

am_leveranciers as (

    select
        perioden.bron,
        perioden.leverancier,
        perioden.periode_maand as laatste_periode_maand,
        perioden.ontvangen_op as laatste_periode_ontvangen_op,
        perioden.periode_maand > bronnen.periode_maand - {{ am_verwacht_venster_maanden() }} as is_verwacht
    from am_geaccepteerde_perioden as perioden
    inner join am_laatste_perioden as laatste
        on
            perioden.bron = laatste.bron
            and perioden.leverancier = laatste.leverancier
            and perioden.periode_maand = laatste.periode_maand
    inner join (
        select
            bron,
            max(periode_maand) as periode_maand
        from am_laatste_perioden
        group by bron
    ) as bronnen
        on perioden.bron = bronnen.bron

)
{%- endmacro %}

{#- loaded_at_query of a raw source (models/staging/<bron>/_<bron>__sources.yml): a source is as
    fresh as its stalest expected supplier, so the time the least recent expected supplier's latest
    period was accepted. No accepted delivery at all: null, which dbt reports as infinitely old. -#}
{% macro aanlevering_versheid(bron) -%}
    with {{ am_leveranciers(source('ingest', 'aanleverlog')) }}

    select min(laatste_periode_ontvangen_op) as laatst_geleverd_op
    from am_leveranciers
    where bron = '{{ bron }}' and is_verwacht
{%- endmacro %}

{#- The sources the monitor covers: every dbt source with a cadence (config meta cadans: maand or
    jaar), read from the project's own source definitions, so the cadence lives next to the
    freshness thresholds it sets; alleen_voor_leverancier (meta, default false) marks a source whose
    deliveries only their supplier may see. A list of {bron, cadans, alleen_voor_leverancier},
    sorted by bron; empty while parsing. -#}
{% macro am_bronnen() -%}
    {%- set bronnen = {} -%}
    {%- if execute -%}
        {%- for node in graph.sources.values() if node.config.meta.get('cadans') -%}
            {%- set cadans = node.config.meta.get('cadans') -%}
            {%- if cadans not in ['maand', 'jaar'] -%}
                {{ exceptions.raise_compiler_error(
                    'source ' ~ node.source_name ~ ': meta cadans must be maand or jaar, not ' ~ cadans) }}
            {%- endif -%}
            {%- do bronnen.update({node.source_name: {
                'bron': node.source_name,
                'cadans': cadans,
                'alleen_voor_leverancier': node.config.meta.get('alleen_voor_leverancier', false) is sameas true
            }}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set rows = [] -%}
    {%- for bron in bronnen | sort -%}
        {%- do rows.append(bronnen[bron]) -%}
    {%- endfor -%}
    {{ return(rows) }}
{%- endmacro %}

{#- The UTC calendar date of a timestamp with time zone (an instant), whatever the session's time
    zone. -#}
{% macro am_utc_datum(tijdstip) -%}
    {{ return(adapter.dispatch('am_utc_datum')(tijdstip)) }}
{%- endmacro %}

{% macro default__am_utc_datum(tijdstip) -%}
    cast(timezone('UTC', {{ tijdstip }}) as date)
{%- endmacro %}

{% macro spark__am_utc_datum(tijdstip) -%}
    to_date(to_utc_timestamp({{ tijdstip }}, current_timezone()))
{%- endmacro %}
