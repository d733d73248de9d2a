{#- Generic test: per key (the columns in partition_by), the validity intervals [van, tot] of
    the model's rows do not overlap; tot null = open, both ends inclusive. Sorted by van, a row
    overlaps an earlier one exactly when its van is not after the latest tot before it. Returns
    the overlapping rows; no rows = pass. -#}
{% test intervals_do_not_overlap(model, partition_by, van='geldig_van', tot='geldig_tot') %}

    select *
    from (
        select
            *,
            max(coalesce({{ tot }}, cast('9999-12-31' as date))) over (
                partition by {{ partition_by | join(', ') }}
                order by {{ van }}, {{ tot }}
                rows between unbounded preceding and 1 preceding
            ) as eerdere_tot
        from {{ model }}
    ) as intervallen
    where {{ van }} <= eerdere_tot

{% endtest %}
