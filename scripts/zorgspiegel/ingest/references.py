"""SQL that turns delivered text into typed rows and adds the helper columns of the rules that
need the warehouse (rules.py: REFERENCE_RULES). Runs in DuckDB on the batch being ingested."""
from __future__ import annotations

from ..spec import SOURCES
from .warehouse import SQL_TYPES, raw_table


def typed_select(bron: str, tabel: str, text_relation: str) -> str:
    """Cast every text column to its spec type; `_type_fouten` lists the columns whose value
    could not be read as its type (a bad value costs its row, not the whole delivery)."""
    columns = SOURCES[bron].tables[tabel]
    casts = ",\n    ".join(f"try_cast({c.name} as {SQL_TYPES[c.type]}) as {c.name}" for c in columns)
    errors = ", ".join(
        f"case when {c.name} is not null and try_cast({c.name} as {SQL_TYPES[c.type]}) is null then '{c.name}' end"
        for c in columns if c.type != "str")
    type_fouten = f"nullif(concat_ws(',', {errors}), '')" if errors else "cast(null as varchar)"
    return f"""
select aanlevering_id, leverancier, periode, rijnummer, _volgorde, _aangemaakt_op, leverancier as _leverancier,
    {casts},
    {type_fouten} as _type_fouten
from {text_relation}"""


def with_reference_flags(bron: str, tabel: str, typed_relation: str) -> str:
    """The typed batch plus the helper columns its reference rules assert."""
    if (bron, tabel) == ("zvw_declaraties", "declaraties"):
        raw = raw_table(bron, tabel)
        # Rows of this run are compared in delivery order (_volgorde), rows already loaded first.
        return f"""
with b as (select * from {typed_relation}),
known as (  -- only the keys of this batch: no distinct over the whole raw table
    select distinct r.uzovi, r.regel_id from {raw} as r semi join b on r.uzovi = b.uzovi and r.regel_id = b.regel_id
),
-- The originals the batch's C lines name: only these lines are looked up below, so the raw table is
-- semi-joined to them instead of aggregated as a whole (which ran out of memory at scale 0.1).
c_keys as (
    select distinct uzovi, origineel_regel_id as regel_id from b
    where debet_credit = 'C' and origineel_regel_id is not null
),
originals as (
    select r.uzovi, r.regel_id, -1 as _volgorde from {raw} as r
    semi join c_keys as k on r.uzovi = k.uzovi and r.regel_id = k.regel_id
    where r.debet_credit = 'D'
    union all
    select b.uzovi, b.regel_id, b._volgorde from b
    semi join c_keys as k on b.uzovi = k.uzovi and b.regel_id = k.regel_id
    where b.debet_credit = 'D'
),
first_original as (select uzovi, regel_id, min(_volgorde) as _volgorde from originals group by uzovi, regel_id),
reversed_before as (
    select distinct r.uzovi, r.origineel_regel_id from {raw} as r
    semi join c_keys as k on r.uzovi = k.uzovi and r.origineel_regel_id = k.regel_id
    where r.debet_credit = 'C'
)
select
    b.*,
    coalesce(k.regel_id is not null
        or row_number() over (partition by b.uzovi, b.regel_id order by b._volgorde, b.rijnummer) > 1, false)
        as _regel_id_dubbel,
    coalesce(b.debet_credit = 'C' and b.origineel_regel_id is not null and o.regel_id is null, false)
        as _origineel_onbekend,
    coalesce(b.debet_credit = 'C' and (rb.origineel_regel_id is not null
        or row_number() over (partition by b.uzovi, b.origineel_regel_id, b.debet_credit
                              order by b._volgorde, b.rijnummer) > 1), false) as _dubbel_teruggedraaid,
    coalesce(b.debet_credit = 'C' and b.origineel_regel_id is null, false) as _credit_zonder_origineel,
    coalesce(strftime(b.verwerkingsdatum, '%Y-%m') <> b.periode, false) as _buiten_periode
from b
left join known as k on k.uzovi = b.uzovi and k.regel_id = b.regel_id
left join first_original as o
    on o.uzovi = b.uzovi and o.regel_id = b.origineel_regel_id and o._volgorde <= b._volgorde
left join reversed_before as rb on rb.uzovi = b.uzovi and rb.origineel_regel_id = b.origineel_regel_id"""
    if (bron, tabel) == ("ggz_wachttijden", "ggz_wachttijden"):
        return f"""
select *, coalesce(strftime(peildatum, '%Y-%m') <> periode, false) as _buiten_periode from {typed_relation}"""
    return f"select * from {typed_relation}"
