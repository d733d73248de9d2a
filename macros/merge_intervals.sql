{#- Merge overlapping or adjacent validity intervals per key (gaps and islands), e.g. when the
    register holds the same werkrelatie twice. Renders a SELECT over `relation` (a CTE name or a
    relation) with the key columns, min(van) as van and max(tot) as tot per island. Intervals are
    inclusive [van, tot] and tot must be a real date: map open ends to a far date (9999-12-31)
    before, and back to null after. Adjacent = the next one starts the day after the previous end.
    Portable: window functions and dbt.dateadd only. -#}
{% macro merge_intervals(relation, partition_by, van='geldig_van', tot='geldig_tot') -%}
    {%- set keys = partition_by | join(', ') -%}
    select
        {{ keys }},
        min({{ van }}) as {{ van }},
        max({{ tot }}) as {{ tot }}
    from (
        select
            {{ keys }},
            {{ van }},
            {{ tot }},
            sum(is_nieuw_eiland) over (
                partition by {{ keys }}
                order by {{ van }}, {{ tot }}
                rows between unbounded preceding and current row
            ) as eiland
        from (
            select
                {{ keys }},
                {{ van }},
                {{ tot }},
                case
                    when {{ dbt.dateadd('day', -1, van) }} <= max({{ tot }}) over (
                        partition by {{ keys }}
                        order by {{ van }}, {{ tot }}
                        rows between unbounded preceding and 1 preceding
                    ) then 0
                    else 1
                end as is_nieuw_eiland
            from {{ relation }}
        ) as gemarkeerd
    ) as eilanden
    group by {{ keys }}, eiland
{%- endmacro %}
