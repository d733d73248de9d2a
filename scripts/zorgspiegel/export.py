"""Per-tenant publications: one municipality's Gemeentezorgspiegel, one practice's Praktijkspiegel.

``zorgspiegel export gemeente GMxxxx --out DIR`` and ``zorgspiegel export praktijk AGB --out DIR``
write the same kind of serving folder as ``zorgspiegel publish`` (scripts/zorgspiegel/serving.py:
a DuckDB file, Parquet per table and manifest.json, switched in atomically; exporting again into
the same folder replaces the publication), holding one tenant's rows only:

- gemeente G: every ``marts.gemeentezorgspiegel__*`` row with
  ``(gemeentecode = G or niveau = 'nl') and (zichtbaar_voor_gemeentecode is null or = G)`` - its own
  gemeente, wijken and buurten, the national references, and of the data a gemeente delivers
  (Jeugdwet) only its own; the region tables filtered to G. Every gemeentezorgspiegel mart carries
  the three access columns (see models/marts/gemeentezorgspiegel); a mart without them is refused.
- practice P: the four Praktijkspiegel marts ``where praktijk_agb = P``; the regional and national
  references are columns of those rows (``verwacht_regio``, ``aandeel_nederland``, ...).
- both: the code lists (seeds/domain), which hold no tenant's data.

The marts are already suppressed (no Gemeentezorgspiegel figure on fewer than 10 persons); this
module only selects. Codes are validated and reach SQL only as ``?`` parameters. A folder holds the
publications of one tenant only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import serving
from .praktijkspiegel.data import MARTS as PRAKTIJKSPIEGEL_MARTS
from .serving import PublishError, Selection

PREFIX = "gemeentezorgspiegel__"
TOEGANGSKOLOMMEN = ("niveau", "gemeentecode", "zichtbaar_voor_gemeentecode")
GEMEENTECODE = re.compile(r"^GM\d{4}$")
AGB = re.compile(r"^\d{8}$")
FILTER = ("(gemeentecode = ? or niveau = 'nl') "
          "and (zichtbaar_voor_gemeentecode is null or zichtbaar_voor_gemeentecode = ?)")
PRAKTIJK_FILTER = "praktijk_agb = ?"
REGIO_FILTER = "gemeentecode = ?"  # every region table has the gemeentecode of its rows


class ExportInputError(ValueError):
    """An input is not acceptable; ``parameter`` names it ('gemeentecode', 'agb', 'out', 'db')."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass
class Extract:
    soort: str                  # gemeente | praktijk
    code: str
    naam: str
    out: Path
    database: Path              # out/<name>.duckdb, through out/current
    publicatie: serving.Publication

    @property
    def rijen(self) -> dict[str, int]:
        """mart -> rows in the extract."""
        return {t["tabel"]: t["rijen"] for t in self.publicatie.tables if t["schema"] == "marts"}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute("select column_name from information_schema.columns where table_schema = 'marts' "
                       "and table_name = ? order by ordinal_position", [table]).fetchall()
    return [r[0] for r in rows]


def _reference(con: duckdb.DuckDBPyConnection, regions: tuple = ()) -> list[Selection]:
    """The code lists (all rows) and, for a gemeente, the region tables filtered to it."""
    have = set(serving.warehouse_tables(con, "reference"))
    wanted = [*(serving.REGION_TABLES if regions else ()), *serving.code_lists()]
    missing = [t for t in wanted if t not in have]
    if missing:
        raise ExportInputError("db", f"the warehouse lacks reference.{', reference.'.join(missing)}: run dbt build")
    return ([Selection("reference", t, REGIO_FILTER, regions) for t in serving.REGION_TABLES if regions]
            + [Selection("reference", t) for t in serving.code_lists()])


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


def _gemeente_selection(con: duckdb.DuckDBPyConnection, code: str) -> list[Selection]:
    tabellen = [t for t in serving.warehouse_tables(con, "marts") if t.startswith(PREFIX)]
    if not tabellen:
        raise ExportInputError("db", f"the warehouse has no marts.{PREFIX}* marts: run dbt build first")
    for tabel in tabellen:
        ontbreekt = [k for k in TOEGANGSKOLOMMEN if k not in _columns(con, tabel)]
        if ontbreekt:  # never export a mart whose rows cannot be assigned to a gemeente
            raise ExportInputError("db", f"marts.{tabel} lacks the access column(s) {', '.join(ontbreekt)}")
    return [Selection("marts", t, FILTER, (code, code)) for t in tabellen] + _reference(con, (code,))


def check_praktijk(con: duckdb.DuckDBPyConnection, agb: str) -> tuple[str, str]:
    """The AGB code (8 digits) and the practice's latest name; ExportInputError when odd or unknown."""
    code = (agb or "").strip()
    if not AGB.match(code):
        raise ExportInputError("agb", f"{agb!r} is not an AGB code: use 8 digits, e.g. 01012345")
    missing = [m for m in PRAKTIJKSPIEGEL_MARTS if m.split(".")[1] not in serving.warehouse_tables(con, "marts")]
    if missing:
        raise ExportInputError("db", f"the warehouse lacks {', '.join(missing)}: run dbt build first")
    row = con.execute(f"select praktijk_naam from {PRAKTIJKSPIEGEL_MARTS[0]} where praktijk_agb = ? "
                      "order by jaar desc limit 1", [code]).fetchone()
    if row is None:
        raise ExportInputError("agb", f"unknown practice {code}: no row in {PRAKTIJKSPIEGEL_MARTS[0]}")
    return code, row[0]


def _praktijk_selection(con: duckdb.DuckDBPyConnection, code: str) -> list[Selection]:
    return ([Selection("marts", m.split(".")[1], PRAKTIJK_FILTER, (code,)) for m in PRAKTIJKSPIEGEL_MARTS]
            + _reference(con))


def _export(db: Path, out: Path, soort: str, raw_code: str, check, selection, database: str) -> Extract:
    """Validate the tenant, then publish its selection into ``out``."""
    if out.exists() and not out.is_dir():
        raise ExportInputError("out", f"{out} exists and is not a folder: choose a new --out")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as e:
        raise ExportInputError("db", f"cannot open the warehouse {db} read-only: {e}") from None
    try:
        code, naam = check(con, raw_code)
        tables = selection(con, code)
    finally:
        con.close()
    tenant = {"soort": soort, "code": code, "naam": naam}
    name = database.format(code=code)
    try:
        pub = serving.publish(db, out, lambda _con: tables, database=name, tenant=tenant,
                              readme=lambda p: _readme(soort, code, naam, name, p))
    except PublishError as e:
        raise ExportInputError("out" if e.parameter == "to" else e.parameter, str(e)) from None
    return Extract(soort, code, naam, out, out / name, pub)


def export_gemeente(db: Path, gemeentecode: str, out: Path) -> Extract:
    """Publish the Gemeentezorgspiegel of one gemeente into ``out`` (new, empty or its own folder)."""
    return _export(db, out, "gemeente", gemeentecode, check_gemeente, _gemeente_selection,
                   "gemeentezorgspiegel_{code}.duckdb")


def export_praktijk(db: Path, agb: str, out: Path) -> Extract:
    """Publish the Praktijkspiegel of one practice into ``out`` (new, empty or its own folder)."""
    return _export(db, out, "praktijk", agb, check_praktijk, _praktijk_selection, "praktijkspiegel_{code}.duckdb")


OVER = {
    "gemeente": ("Gemeentezorgspiegel", """its own gemeente, wijken and buurten, plus the national reference rows
(niveau `nl`), and of the Jeugdwet data only what it delivered itself; the CBS region tables of its
own gemeente. Nothing about another gemeente.

Privacy: no figure rests on fewer than 10 persons; a suppressed cell (`is_onderdrukt`) has every
figure empty, and no suppressed figure can be derived by one subtraction."""),
    "praktijk": ("Praktijkspiegel", """the four Praktijkspiegel marts of this practice alone; the regional
and national references are columns of its rows (`verwacht_regio`, `verwacht_nederland`,
`aandeel_regio`, `aandeel_nederland`). Nothing about another practice."""),
}


def _readme(soort: str, code: str, naam: str, database: str, pub: serving.Publication) -> str:
    product, inhoud = OVER[soort]
    regels = "\n".join(f"| `{t['schema']}.{t['tabel']}` | {t['rijen']:,} |" for t in pub.tables)
    return f"""# {product} - {soort} {code} {naam}

Publication {pub.id}. This folder holds the {product} of {soort} {code} ({naam}):
{inhoud}

- the DuckDB database `{database}` (schemas `marts` and `reference`; table `publicatie` names this
  publication), and the same tables as Parquet under `parquet/<schema>/<table>/`;
- `manifest.json`: rows, columns, filter and checksum of every table, SHA-256 of every file.
  The checksum can be recomputed from the data (see the zorgspiegel project, docs/bi.md).

The code lists (`reference.*`) are the project's public code lists. The rules and the columns are
described in the zorgspiegel project (docs/gemeentezorgspiegel.md, docs/praktijkspiegel.md).

| table | rows |
|---|---|
{regels}
"""
