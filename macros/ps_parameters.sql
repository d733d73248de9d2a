{#- Parameters of the Praktijkspiegel, each a dbt var with its default in this one place (models
    and tests call these macros, never var() with a default of their own).
    ps_laatste_jaar(): the last report year (var praktijkspiegel_laatste_jaar); none (the default)
    = derived from the data in int_praktijkspiegel__jaren (the latest treatment year with claims
    that has ended by the data's as-of month).
    ps_aantal_jaren(): how many report years, counting back from the last (var
    praktijkspiegel_aantal_jaren, default 5).
    ps_beeindigde_praktijken(): true = a practice whose AGB end date lies in the past gets a mirror
    too ("on request"; var praktijkspiegel_beeindigde_praktijken, default false).
    ps_peildatum(): the date an AGB end date must lie before to be "in the past", as 'YYYY-MM-DD'
    text (var praktijkspiegel_peildatum); none (the default) = the date of the latest AGB register
    snapshot. -#}
{% macro ps_laatste_jaar() -%}
    {{ return(var('praktijkspiegel_laatste_jaar', none)) }}
{%- endmacro %}

{% macro ps_aantal_jaren() -%}
    {{ return(var('praktijkspiegel_aantal_jaren', 5)) }}
{%- endmacro %}

{% macro ps_beeindigde_praktijken() -%}
    {{ return(var('praktijkspiegel_beeindigde_praktijken', false)) }}
{%- endmacro %}

{% macro ps_peildatum() -%}
    {{ return(var('praktijkspiegel_peildatum', none)) }}
{%- endmacro %}
