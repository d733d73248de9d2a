"""Serving publications: the files BI tools read instead of the warehouse (docs/bi.md).

A publication is a folder written under a temporary name and renamed into place whole; readers
reach it through one pointer, the symlink ``current``, switched with an atomic rename:

    DIR/
      zorgspiegel.duckdb -> current/zorgspiegel.duckdb     stable paths for readers (created once)
      manifest.json      -> current/manifest.json
      parquet            -> current/parquet
      current            -> publications/<id>              the one pointer, switched atomically
      publications/<id>/zorgspiegel.duckdb                 tables marts.*, reference.*, publicatie,
                        manifest.json                      publicatie_tabellen
                        parquet/<schema>/<table>/[jaar=YYYY/]data_0.parquet

Why this shape (measured with DuckDB 1.5, docs/bi.md): DuckDB resolves the symlinks of a database
path once and then opens the resolved file, so a reader opening ``DIR/zorgspiegel.duckdb`` during a
switch gets the old or the new file, whole; a connection keeps reading its file after it has been
replaced or even deleted (the open file stays readable). Parquet readers must resolve ``current``
once and read below that folder, otherwise one glob can mix two publications. A replaced
publication is removed only when it is no longer among the last ``keep`` and was replaced more than
``GRACE_SECONDS`` ago: removing the one just replaced makes readers that are opening it fail
("database does not exist").

The same writer serves the whole warehouse (``zorgspiegel publish``) and one tenant
(``zorgspiegel export gemeente|praktijk``, scripts/zorgspiegel/export.py): a selection says which
tables, with which filter, go in. A folder only ever holds publications of one tenant.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .paths import REPO_ROOT, SEEDS_DIR

CURRENT = "current"
PUBLICATIONS = "publications"
MANIFEST = "manifest.json"
PARQUET = "parquet"
LOCK = ".publish.lock"
DATABASE = "zorgspiegel.duckdb"
DEFAULT_KEEP = 3
GRACE_SECONDS = 15 * 60
PARTITION_COLUMN = "jaar"
# Reference tables BI needs besides the marts: the regions (names of gemeenten, wijken and buurten,
# the regional classifications) and every code list (the seeds in seeds/domain).
REGION_TABLES = ("cbs_gemeenten", "cbs_wijken", "cbs_buurten", "gemeente_regio")
ID_FORMAT = "%Y%m%dT%H%M%S_%fZ"
# The checksum of a table: SHA-256 over the sorted MD5 digests of its rows, one per line, each row
# as DuckDB's JSON text of its columns in the table's order. Independent of row order and of the
# file format: the same query over the Parquet files gives the same value (docs/bi.md).
CHECKSUM_SQL = ("select sha256(coalesce(string_agg(h, chr(10) order by h), '')) "
                "from (select md5(to_json(r)) as h from (select {columns} from {source}) r)")


class PublishError(Exception):
    """A publication cannot be made; ``parameter`` names the input at fault ('db', 'to')."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class Selection:
    """One table of a publication: ``schema.table`` of the warehouse, rows that pass ``where``."""

    schema: str
    table: str
    where: str | None = None      # SQL condition with ? placeholders, or None for every row
    parameters: tuple = ()


@dataclass
class Publication:
    id: str
    folder: Path                   # DIR
    path: Path                     # DIR/publications/<id>
    database: Path                 # DIR/<database> (through current)
    tables: list[dict] = field(default_factory=list)   # the manifest's entries
    seconds: dict[str, float] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)    # old publications removed


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def warehouse_tables(con: duckdb.DuckDBPyConnection, schema: str) -> list[str]:
    """The tables and views of ``schema``, by name."""
    return [r[0] for r in con.execute("select table_name from information_schema.tables where table_schema = ? "
                                      "order by table_name", [schema]).fetchall()]


def code_lists() -> list[str]:
    """The code lists: every seed of seeds/domain (dbt loads them into schema reference)."""
    return sorted(p.stem for p in (SEEDS_DIR / "domain").glob("*.csv"))


def full_selection(con: duckdb.DuckDBPyConnection) -> list[Selection]:
    """Every mart and the reference tables BI needs, all rows; PublishError naming what is missing."""
    marts = warehouse_tables(con, "marts")
    if not marts:
        raise PublishError("db", "the warehouse has no tables in schema marts: run dbt build first")
    reference = set(warehouse_tables(con, "reference"))
    missing = [t for t in (*REGION_TABLES, *code_lists()) if t not in reference]
    if missing:
        raise PublishError("db", f"the warehouse lacks reference.{', reference.'.join(missing)}: run dbt build first")
    return ([Selection("marts", t) for t in marts]
            + [Selection("reference", t) for t in (*REGION_TABLES, *code_lists())])


def git_commit() -> tuple[str | None, bool | None]:
    """The commit of the code that publishes, and whether tracked files differ from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True)
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT,
                                capture_output=True, text=True)
    except OSError:
        return None, None
    if head.returncode or status.returncode:
        return None, None
    return head.stdout.strip(), bool(status.stdout.strip())


def checksum(con: duckdb.DuckDBPyConnection, source: str, columns: list[str]) -> str:
    """CHECKSUM_SQL over ``source`` (a table name or a read_parquet(...) call)."""
    sql = CHECKSUM_SQL.format(columns=", ".join(quote(c) for c in columns), source=source)
    return con.execute(sql).fetchone()[0]


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_manifest(folder: Path) -> dict | None:
    """The manifest of the current publication in ``folder``, or None when there is none."""
    path = folder / CURRENT / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def check_folder(folder: Path, database: str, tenant: dict | None) -> None:
    """``folder`` must be new, empty, or hold publications of the same tenant and database name."""
    if not folder.exists():
        return
    if not folder.is_dir():
        raise PublishError("to", f"{folder} exists and is not a folder")
    entries = {p.name for p in folder.iterdir()} - {LOCK}
    publications = folder / PUBLICATIONS
    if publications.is_dir() and not [p for p in publications.iterdir() if not p.name.startswith(".")]:
        entries.discard(PUBLICATIONS)  # left by a first publication that failed
    if not entries:
        return
    manifest = read_manifest(folder) if (folder / CURRENT).is_symlink() else None
    if manifest is None:
        raise PublishError("to", f"{folder} is neither empty nor a publication folder: choose a new folder")
    if _tenant_key(manifest.get("tenant")) != _tenant_key(tenant) or manifest.get("duckdb") != database:
        raise PublishError("to", f"{folder} holds the publications of {_describe(manifest.get('tenant'))}, "
                                 f"not of {_describe(tenant)}: choose another folder")


def _tenant_key(tenant: dict | None) -> tuple | None:
    return None if tenant is None else (tenant["soort"], tenant["code"])


def _describe(tenant: dict | None) -> str:
    return "the whole warehouse" if tenant is None else f"{tenant['soort']} {tenant['code']}"


def publish(db: Path, folder: Path, selection=full_selection, *, database: str = DATABASE,
            tenant: dict | None = None, readme=None, keep: int = DEFAULT_KEEP,
            grace_seconds: float = GRACE_SECONDS) -> Publication:
    """Write a new publication of ``db`` into ``folder`` and make it current.

    ``selection(con)`` returns the Selections from a read-only connection to the warehouse (it
    raises PublishError to refuse: then nothing is written); ``readme(pub)`` returns the text of a
    README.md for the publication, or is None. The warehouse is only read. Until the switch nothing a
    reader sees changes; when anything fails the new folder is removed and the previous publication
    stays current."""
    if keep < 2:
        raise ValueError("keep at least 2 publications: the one just replaced may be being opened")
    db = Path(db)
    if not db.exists():
        raise PublishError("db", f"warehouse {db} does not exist: build it first (zorgspiegel run)")
    check_folder(folder, database, tenant)
    con = _open_read_only(db)
    try:
        tables = selection(con)
    finally:
        con.close()
    (folder / PUBLICATIONS).mkdir(parents=True, exist_ok=True)
    with _lock(folder):
        check_folder(folder, database, tenant)  # again, now that no other publisher can write
        pub_id = dt.datetime.now(dt.timezone.utc).strftime(ID_FORMAT)
        tmp = folder / PUBLICATIONS / f".{pub_id}.tmp"
        pub = Publication(pub_id, folder, folder / PUBLICATIONS / pub_id, folder / database)
        try:
            tmp.mkdir()
            _write(db, tmp, pub, tables, database, tenant)
            if readme:
                (tmp / "README.md").write_text(readme(pub), encoding="utf-8")
            _fsync_tree(tmp)
            os.rename(tmp, pub.path)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _switch(folder, pub_id, database, with_readme=readme is not None)
        pub.removed = _remove_old(folder, keep, grace_seconds)
    return pub


class _lock:
    """One publisher per folder at a time (an flock on DIR/.publish.lock)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK

    def __enter__(self):
        self.fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise PublishError("to", f"another publication into {self.path.parent} is being written") from None
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def _open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as e:
        raise PublishError("db", f"cannot open the warehouse {db} read-only (is a build running?): {e}") from None


def _write(db: Path, tmp: Path, pub: Publication, tables: list[Selection], database: str,
           tenant: dict | None) -> None:
    t0 = time.perf_counter()
    con = duckdb.connect(str(tmp / database))
    try:
        try:
            con.execute(f"attach {_literal(db)} as warehouse (read_only)")
        except duckdb.IOException as e:
            raise PublishError("db", f"cannot open the warehouse {db} read-only (is a build running?): {e}") from None
        con.execute("begin")  # one transaction: every table from the same state of the warehouse
        for schema in sorted({s.schema for s in tables}):
            con.execute(f"create schema {quote(schema)}")
        for s in tables:
            name = f"{quote(s.schema)}.{quote(s.table)}"
            where = f" where {s.where}" if s.where else ""
            con.execute(f"create table {name} as select * from warehouse.{name}{where}", list(s.parameters))
        con.execute("commit")
        con.execute("detach warehouse")
        pub.seconds["copy"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        for s in tables:
            pub.tables.append(_table_entry(con, s))
        pub.seconds["checksum"] = time.perf_counter() - t0
        built = dt.datetime.fromtimestamp(db.stat().st_mtime, dt.timezone.utc)
        commit, dirty = git_commit()
        manifest = {"publicatie_id": pub.id,
                    "gepubliceerd_op": _iso(dt.datetime.strptime(pub.id, ID_FORMAT).replace(tzinfo=dt.timezone.utc)),
                    "gebouwd_op": _iso(built), "git_commit": commit, "git_gewijzigd": dirty,
                    "tenant": tenant, "duckdb": database}
        _metadata_tables(con, manifest, pub.tables)

        t0 = time.perf_counter()
        for entry in pub.tables:
            entry["parquet"] = _parquet(con, tmp, entry)
        pub.seconds["parquet"] = time.perf_counter() - t0
    finally:
        con.close()
    manifest |= {"duckdb_sha256": sha256_file(tmp / database), "checksum": CHECKSUM_SQL, "tabellen": pub.tables}
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _table_entry(con: duckdb.DuckDBPyConnection, s: Selection) -> dict:
    name = f"{quote(s.schema)}.{quote(s.table)}"
    columns = [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
        "order by ordinal_position", [s.schema, s.table]).fetchall()]
    rows = con.execute(f"select count(*) from {name}").fetchone()[0]
    return {"schema": s.schema, "tabel": s.table, "rijen": rows, "checksum": checksum(con, name, columns),
            "kolommen": columns, "filter": _filter_text(s)}


def _filter_text(s: Selection) -> str | None:
    """The filter with its parameters filled in, for people reading the manifest."""
    if not s.where:
        return None
    text = s.where
    for p in s.parameters:
        text = text.replace("?", "'" + str(p).replace("'", "''") + "'", 1)
    return text


def _metadata_tables(con: duckdb.DuckDBPyConnection, manifest: dict, tables: list[dict]) -> None:
    """publicatie (one row) and publicatie_tabellen: a reader reads the id in the same transaction
    as a mart, and the row counts and checksums without the manifest file."""
    con.execute("create table publicatie (publicatie_id varchar, gepubliceerd_op timestamptz, "
                "gebouwd_op timestamptz, git_commit varchar, git_gewijzigd boolean, tenant_soort varchar, "
                "tenant_code varchar)")
    tenant = manifest["tenant"] or {}
    con.execute("insert into publicatie values (?, ?, ?, ?, ?, ?, ?)",
                [manifest["publicatie_id"], manifest["gepubliceerd_op"], manifest["gebouwd_op"],
                 manifest["git_commit"], manifest["git_gewijzigd"], tenant.get("soort"), tenant.get("code")])
    con.execute("create table publicatie_tabellen (table_schema varchar, table_name varchar, rijen bigint, "
                "checksum varchar)")
    con.executemany("insert into publicatie_tabellen values (?, ?, ?, ?)",
                    [[t["schema"], t["tabel"], t["rijen"], t["checksum"]] for t in tables])


def _parquet(con: duckdb.DuckDBPyConnection, tmp: Path, entry: dict) -> dict:
    """One Parquet folder per table, partitioned by jaar when the table has it and rows."""
    folder = Path(PARQUET) / entry["schema"] / entry["tabel"]
    target = tmp / folder
    name = f"{quote(entry['schema'])}.{quote(entry['tabel'])}"
    partitioned = PARTITION_COLUMN in entry["kolommen"] and entry["rijen"] > 0
    target.parent.mkdir(parents=True, exist_ok=True)
    if partitioned:
        con.execute(f"copy {name} to {_literal(target)} (format parquet, partition_by ({PARTITION_COLUMN}))")
    else:  # an empty table still gets a file, so a reader finds its columns
        target.mkdir(parents=True)
        con.execute(f"copy {name} to {_literal(target / 'data_0.parquet')} (format parquet)")
    files = sorted(p for p in target.rglob("*.parquet"))
    return {"map": folder.as_posix(), "partitie": PARTITION_COLUMN if partitioned else None,
            "bestanden": [{"pad": p.relative_to(tmp).as_posix(), "sha256": sha256_file(p)} for p in files]}


def _fsync_tree(root: Path) -> None:
    """Flush the new publication to disk before it becomes visible."""
    for path in [*root.rglob("*"), root]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _switch(folder: Path, pub_id: str, database: str, with_readme: bool) -> None:
    """Point ``current`` at the new publication (atomic rename of a symlink), then make sure the
    stable paths exist (they point through ``current`` and never change)."""
    tmp_link = folder / f".{CURRENT}.{pub_id}.tmp"
    os.symlink(f"{PUBLICATIONS}/{pub_id}", tmp_link)
    os.replace(tmp_link, folder / CURRENT)
    for name in (database, MANIFEST, PARQUET, *(("README.md",) if with_readme else ())):
        link = folder / name
        if not link.is_symlink():
            os.symlink(f"{CURRENT}/{name}", link)
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_id(name: str) -> bool:
    try:
        dt.datetime.strptime(name, ID_FORMAT)
    except ValueError:
        return False
    return True


def _remove_old(folder: Path, keep: int, grace_seconds: float) -> list[str]:
    """Remove publications beyond the last ``keep`` that were replaced more than the grace period
    ago, and unfinished folders of publishers that died (the lock is ours, so nobody writes them)."""
    root = folder / PUBLICATIONS
    current = os.readlink(folder / CURRENT).split("/")[-1]
    for tmp in root.glob(".*.tmp"):
        shutil.rmtree(tmp, ignore_errors=True)
    ids = sorted(p.name for p in root.iterdir() if _is_id(p.name))
    now = dt.datetime.now(dt.timezone.utc)
    removed = []
    for older, newer in zip(ids[:-keep], ids[1:]):
        replaced = dt.datetime.strptime(newer, ID_FORMAT).replace(tzinfo=dt.timezone.utc)
        if older != current and (now - replaced).total_seconds() >= grace_seconds:
            shutil.rmtree(root / older)
            removed.append(older)
    return removed
