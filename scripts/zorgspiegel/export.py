"""Per-gemeente extract of the Gemeentezorgspiegel (`zorgspiegel export gemeente GMxxxx --out DIR`).

A municipality sees its own gemeente (with its wijken and buurten) plus the national references,
and of the data delivered by a gemeente (Jeugdwet) only its own. Every gemeentezorgspiegel mart
carries the columns that decide this (see models/marts/gemeentezorgspiegel): ``niveau``,
``gemeentecode`` and ``zichtbaar_voor_gemeentecode``. A row belongs in the extract of gemeente G when

    (gemeentecode = G or niveau = 'nl') and (zichtbaar_voor_gemeentecode is null or = G)

The marts are already suppressed (no figure on fewer than 10 persons); this module only selects.
The warehouse is opened read-only. The extract is one Parquet file per mart, one DuckDB database
with the same tables, ``manifest.json`` (row counts, columns, SHA-256 of the Parquet files) and a
short ``README.md``. The gemeentecode reaches SQL only as a ``?`` parameter, after validation.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

SCHEMA = "marts"
PREFIX = "gemeentezorgspiegel__"
TOEGANGSKOLOMMEN = ("niveau", "gemeentecode", "zichtbaar_voor_gemeentecode")
GEMEENTECODE = re.compile(r"^GM\d{4}$")
FILTER = ("(gemeentecode = ? or niveau = 'nl') "
          "and (zichtbaar_voor_gemeentecode is null or zichtbaar_voor_gemeentecode = ?)")


class ExportInputError(ValueError):
    """An input is not acceptable; ``parameter`` names it ('gemeentecode', 'out', 'db')."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass
class Extract:
    gemeentecode: str
    gemeentenaam: str
    out: Path
    database: Path
    rijen: dict[str, int] = field(default_factory=dict)  # mart -> rows in the extract


def marts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The gemeentezorgspiegel marts in the warehouse, by name."""
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ? and starts_with(table_name, ?) "
        "order by table_name", [SCHEMA, PREFIX]).fetchall()
    return [r[0] for r in rows]


def check_gemeente(con: duckdb.DuckDBPyConnection, gemeentecode: str) -> tuple[str, str]:
    """The normalised gemeentecode (GM + 4 digits) and its name; ExportInputError when odd or unknown."""
    code = (gemeentecode or "").strip().upper()
    if not GEMEENTECODE.match(code):
        raise ExportInputError("gemeentecode",
                               f"{gemeentecode!r} is not a gemeentecode: use GM followed by 4 digits, e.g. GM0363")
    try:
        row = con.execute("select gemeentenaam from reference.cbs_gemeenten where gemeentecode = ?", [code]).fetchone()
    except duckdb.CatalogException:
        raise ExportInputError("db", "the warehouse has no reference.cbs_gemeenten: run dbt seed first") from None
    if row is None:
        raise ExportInputError("gemeentecode",
                               f"unknown gemeente {code}: not a CBS gemeente (2025) in reference.cbs_gemeenten")
    return code, row[0]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute("select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                       "order by ordinal_position", [SCHEMA, table]).fetchall()
    return [r[0] for r in rows]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export_gemeente(db: Path, gemeentecode: str, out: Path) -> Extract:
    """Write the extract of one gemeente to ``out`` (which must not exist or be empty)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportInputError("out", f"{out} exists and is not an empty folder: choose a new --out")
    con = duckdb.connect(str(db), read_only=True)
    try:
        code, naam = check_gemeente(con, gemeentecode)
        tabellen = marts(con)
        if not tabellen:
            raise ExportInputError("db", f"{db} has no {SCHEMA}.{PREFIX}* marts: run dbt build first")
        for tabel in tabellen:
            ontbreekt = [k for k in TOEGANGSKOLOMMEN if k not in _columns(con, tabel)]
            if ontbreekt:  # never export a mart whose rows cannot be assigned to a gemeente
                raise ExportInputError("db", f"{SCHEMA}.{tabel} lacks the access column(s) {', '.join(ontbreekt)}")
        out.mkdir(parents=True, exist_ok=True)
        extract = Extract(code, naam, out, out / f"gemeentezorgspiegel_{code}.duckdb")
        doel = duckdb.connect(str(extract.database))
        manifest_tabellen = []
        try:
            for tabel in tabellen:
                sql = f'select * from {SCHEMA}."{tabel}" where {FILTER}'
                rijen = con.execute(sql, [code, code]).to_arrow_table()
                parquet = out / f"{tabel}.parquet"
                pq.write_table(rijen, parquet)
                doel.register("rijen", rijen)
                doel.execute(f'create table "{tabel}" as select * from rijen')
                doel.unregister("rijen")
                extract.rijen[tabel] = rijen.num_rows
                manifest_tabellen.append({"tabel": tabel, "rijen": rijen.num_rows, "kolommen": rijen.column_names,
                                          "parquet": parquet.name, "sha256": _sha256(parquet)})
        finally:
            doel.close()
    finally:
        con.close()
    manifest = {"gemeentecode": code, "gemeentenaam": naam,
                "aangemaakt_op": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "filter": FILTER.replace("?", f"'{code}'"), "duckdb": extract.database.name,
                "tabellen": manifest_tabellen}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "README.md").write_text(_readme(extract), encoding="utf-8")
    return extract


def _readme(extract: Extract) -> str:
    regels = "\n".join(f"| `{tabel}` | {n:,} |" for tabel, n in extract.rijen.items())
    return f"""# Gemeentezorgspiegel - extract {extract.gemeentecode} {extract.gemeentenaam}

This folder holds the Gemeentezorgspiegel of gemeente {extract.gemeentecode} ({extract.gemeentenaam}):
its own gemeente, wijken and buurten, plus the national reference rows (niveau `nl`), and of the
Jeugdwet data only what {extract.gemeentenaam} delivered itself. Nothing about another gemeente.

- one Parquet file per table (`<table>.parquet`) and the DuckDB database `{extract.database.name}`
  with the same tables;
- `manifest.json`: row counts, columns and SHA-256 of every Parquet file.

Privacy: no figure rests on fewer than 10 persons; a suppressed cell (`is_onderdrukt`) has every
figure empty, and no suppressed figure can be derived by one subtraction. The rules and the columns
are described in the zorgspiegel project (docs/gemeentezorgspiegel.md).

| table | rows |
|---|---|
{regels}
"""
