{#-
    Per report year and care stream: is the year complete enough to be shown (uitgedeclareerd),
    for the stream and for its stream group (huisarts, ggz, or the stream itself). Rules in the yml.
-#}
with jaren as (

    select
        jaar,
        is_laatste_jaar
    from {{ ref('int_praktijkspiegel__jaren') }}

),

zorgstromen as (

    select
        zorgstroom,
        case
            when zorgstroom like 'huisarts%' then 'huisarts'
            when zorgstroom like 'ggz%' then 'ggz'
            else zorgstroom
        end as zorgstroom_groep
    from {{ ref('zorgstromen') }}

),

per_stroom as (

    select
        jaren.jaar,
        zorgstromen.zorgstroom,
        zorgstromen.zorgstroom_groep,
        jaren.is_laatste_jaar,
        volledigheid.zorgstroom is not null as heeft_declaraties,
        volledigheid.verwachte_volledigheid,
        coalesce(volledigheid.is_uitgedeclareerd, false) as is_uitgedeclareerd_volgens_model
    from jaren
    cross join zorgstromen
    left join {{ ref('int_declaraties__volledigheid') }} as volledigheid
        on
            jaren.jaar = volledigheid.behandeljaar
            and zorgstromen.zorgstroom = volledigheid.zorgstroom

)

select
    jaar,
    zorgstroom,
    zorgstroom_groep,
    is_laatste_jaar,
    verwachte_volledigheid,
    is_uitgedeclareerd_volgens_model,
    not is_laatste_jaar or is_uitgedeclareerd_volgens_model as is_uitgedeclareerd,
    -- The group: every stream of it with claims in the year is uitgedeclareerd (and at least one has claims).
    not is_laatste_jaar
    or coalesce(
        min(
            case when heeft_declaraties then case when is_uitgedeclareerd_volgens_model then 1 else 0 end end
        ) over (partition by jaar, zorgstroom_groep) = 1,
        false
    ) as is_uitgedeclareerd_groep
from per_stroom
