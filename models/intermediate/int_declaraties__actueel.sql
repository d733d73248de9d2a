{#-
    The current state of every Zvw claim line: D lines that no C line reverses.
    Incremental, per adapter (macro incremental_rows_config; the yml has the full design):
    - rows (DuckDB): a run appends the D lines of new deliveries that no C line reverses, and its
      pre-hook first deletes the lines that C lines of new deliveries reverse;
    - partitions (Spark): a run recomputes the (uzovi, behandelmaand) partitions that new
      deliveries change, from ALL staging rows of those partitions, and replaces them.
-#}
{{ config(**incremental_rows_config(
    partition_columns=['uzovi', 'behandelmaand'],
    delete_where="(uzovi, regel_id) in (
        select c.uzovi, c.origineel_regel_id
        from {{ ref('stg_zvw_declaraties__declaraties') }} as c
        where
            c.debet_credit = 'C'
            and c.aanlevering_id not in (select distinct verwerkt.aanlevering_id from {{ this }} as verwerkt)
    )"
)) }}

-- (noqa: in one jinja branch the linter sees, the incremental rows read nieuw, not regels)
with regels as (  -- noqa: ST03

    select
        aanlevering_id,
        verwerkingsmaand,
        regel_id,
        uzovi,
        persoon_id,
        zorgstroom,
        prestatiecode,
        atc_code,
        ddd,
        diagnosecode,
        begindatum,
        einddatum,
        aantal,
        bedrag,
        debet_credit,
        origineel_regel_id,
        declarant_agb,
        zorgverlener_agb,
        verwerkingsdatum,
        cast(extract(year from begindatum) as {{ dbt.type_int() }}) as behandeljaar,
        {{ year_month('begindatum') }} as behandelmaand
    from {{ ref('stg_zvw_declaraties__declaraties') }}

),

-- Every claim line that has been reversed (a C line names it as its original; same insurer).
-- Read from staging itself, not from regels: DuckDB materializes a CTE that is referenced more
-- than once, and materializing every claim line with all its columns made this model ~20x slower.
tegengeboekt as (

    select distinct
        uzovi,
        origineel_regel_id as regel_id
    from {{ ref('stg_zvw_declaraties__declaraties') }}
    where debet_credit = 'C'

),

{% if is_incremental() %}

    -- Deliveries already reflected in this table: every processed delivery with a D line that
    -- survives has at least one row here. The others (a delivery of only C lines, or one whose D
    -- lines are all reversed by now) come back as "new" below, but then only touch a partition
    -- when they still change it, so they cost no recomputation (see the yml).
    verwerkt as (

        select distinct aanlevering_id
        from {{ this }}

    ),

    nieuw as (

        select regels.*
        from regels
        left join verwerkt
            on regels.aanlevering_id = verwerkt.aanlevering_id
        where verwerkt.aanlevering_id is null

    ),

    {% if incremental_by_partition() %}

        te_herberekenen as (

            -- (a) a new D line that is not reversed has to be added to its partition
            select distinct
                nieuw.uzovi,
                nieuw.behandelmaand
            from nieuw
            left join tegengeboekt
                on
                    nieuw.uzovi = tegengeboekt.uzovi
                    and nieuw.regel_id = tegengeboekt.regel_id
            where
                nieuw.debet_credit = 'D'
                and tegengeboekt.regel_id is null

            union

            -- (b) a new C line whose original is still in this table has to remove it from its partition
            select distinct
                huidig.uzovi,
                huidig.behandelmaand
            from nieuw
            inner join {{ this }} as huidig
                on
                    nieuw.uzovi = huidig.uzovi
                    and nieuw.origineel_regel_id = huidig.regel_id
            where nieuw.debet_credit = 'C'

        ),

    {% endif %}

{% endif %}

debet as (

    select regels.*
    {% if is_incremental() and incremental_by_partition() %}
        -- every line of the partitions to recompute
        from regels
        inner join te_herberekenen
            on
                regels.uzovi = te_herberekenen.uzovi
                and regels.behandelmaand = te_herberekenen.behandelmaand
    {% elif is_incremental() %}
        -- the lines of new deliveries only (the pre-hook has removed what they reverse)
        from nieuw as regels
    {% else %}
        from regels
    {% endif %}
    where regels.debet_credit = 'D'

)

select
    debet.regel_id,
    debet.persoon_id,
    debet.zorgstroom,
    debet.prestatiecode,
    debet.atc_code,
    debet.ddd,
    debet.diagnosecode,
    debet.begindatum,
    debet.einddatum,
    debet.aantal,
    debet.bedrag,
    debet.declarant_agb,
    debet.zorgverlener_agb,
    debet.verwerkingsdatum,
    debet.verwerkingsmaand,
    debet.aanlevering_id,
    debet.behandeljaar,
    debet.uzovi,
    debet.behandelmaand
from debet
left join tegengeboekt
    on
        debet.uzovi = tegengeboekt.uzovi
        and debet.regel_id = tegengeboekt.regel_id
where tegengeboekt.regel_id is null
