"""`zorgspiegel ingest`: every delivery checked, validated and loaded exactly once.

Per source, deliveries are taken in period order. Delivery-level checks (manifest, files,
schema) run first, while each file is streamed into a DuckDB temp table as text; the rows of the
deliveries that pass are validated together per table by Great Expectations, in pandas frames of
at most BATCH_ROWS rows (one validation per frame keeps GE's per-run overhead low); then each
delivery is decided and loaded in a transaction of its own: its good rows into the raw layer,
its bad rows with their rule into the quarantine, and one line in the delivery log. For every
delivery: rows received = rows loaded + rows quarantined.

Memory: a delivery's rows live in DuckDB (under MEMORY_LIMIT, spilled to disk beyond it), never
as a whole in Python; Python holds one record batch being read or one frame being validated, and
a delivery's tables are dropped as soon as it is decided. Peak memory therefore depends on
BATCH_ROWS, not on the number or size of the deliveries.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..spec import SOURCES
from .checks import Rejected, check_file, check_manifest, read_batches, read_manifest
from .expectations import Validator, frame_columns
from .references import typed_select, with_reference_flags
from .warehouse import create_warehouse, raw_table

BATCH_ROWS = 1_000_000  # rows per GE validation (one pandas frame); bounds Python's memory
MEMORY_LIMIT = "4GB"  # DuckDB's own share (it spills beyond it); the pandas frame for GE comes on top
ACCEPTED = ("geaccepteerd", "geaccepteerd_met_quarantaine")


@dataclass
class Staged:
    """A delivered file's rows while its delivery is in work: a DuckDB temp table (or, for a
    rejected delivery, a registered Arrow table) with the columns as text, as delivered, plus
    `_rijnummer`, the 1-based row in the file."""
    name: str
    columns: list[str]
    rows: int
    arrow: pa.Table | None = None


@dataclass
class Attempt:
    folder: Path
    manifest: dict | None = None
    status: str = ""
    reden: str | None = None
    tables: dict[str, Staged] = field(default_factory=dict)  # tabel -> its rows, until decided
    rows: int = 0
    loaded: int = 0
    quarantined: int = 0
    failed_rules: dict[str, int] = field(default_factory=dict)
    started: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def id(self) -> str:
        return (self.manifest or {}).get("aanlevering_id") or self.folder.name

    @property
    def bron(self) -> str:
        return (self.manifest or {}).get("bron") or self.folder.parent.name


def discover(paths: list[Path]) -> list[Path]:
    """Delivery folders: a folder with a manifest.json, or every one found below a root."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if (p / "manifest.json").is_file() or not p.is_dir() or not any(p.rglob("manifest.json")):
            found.append(p)
        else:
            found.extend(sorted(m.parent for m in p.rglob("manifest.json")))
    return found


def _manifest_id(folder: Path) -> str | None:
    try:
        return str(json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["aanlevering_id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _order(folder: Path) -> tuple:
    try:
        m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return (list(SOURCES).index(m["bron"]) if m.get("bron") in SOURCES else 99, str(m.get("periode")),
                str(m.get("aanlevering_id")))
    except (OSError, ValueError, AttributeError):
        return (99, "", str(folder))


def _as_text(batch: pa.RecordBatch | pa.Table) -> pa.Table:
    return pa.table({name: batch.column(i).cast(pa.string()) for i, name in enumerate(batch.schema.names)})


def _lenient_rows(folder: Path, manifest: dict) -> dict[str, pa.Table]:
    """Whatever rows can be read from a rejected delivery's files, as text, so they can be kept.
    Read whole (rejections are rare) and scanned by DuckDB as Arrow, which accepts text that is not
    valid UTF-8 (a wrongly encoded CSV) where a DuckDB table would not."""
    out = {}
    for entry in manifest.get("bestanden") or []:
        path = folder / str(entry.get("naam", ""))
        try:
            if path.suffix == ".parquet":
                out[str(entry.get("tabel"))] = _as_text(pq.read_table(path))
            elif path.suffix == ".csv" and (table := _lenient_csv(path)) is not None:
                out[str(entry.get("tabel"))] = _as_text(table)
        except (pa.ArrowException, OSError):
            continue  # unreadable: nothing to keep but the file itself, which stays where it was delivered
    return out


def _lenient_csv(path: Path) -> pa.Table | None:
    for enc in ("utf8", "latin1"):
        try:
            return pacsv.read_csv(path, read_options=pacsv.ReadOptions(encoding=enc),
                                  parse_options=pacsv.ParseOptions(delimiter=";"),
                                  convert_options=pacsv.ConvertOptions(strings_can_be_null=True, null_values=[""],
                                                                       column_types={}, auto_dict_encode=False,
                                                                       check_utf8=False))
        except pa.ArrowInvalid:
            continue
    return None


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def chunks(sizes: list[tuple[int, int]], limit: int) -> list[list[tuple[int, int, int]]]:
    """Cut a batch's rows into consecutive chunks of at most `limit` rows. `sizes` lists
    (_volgorde, rows) per delivery; a chunk is a list of (_volgorde, first rijnummer, last)."""
    out: list[list[tuple[int, int, int]]] = []
    current: list[tuple[int, int, int]] = []
    room = limit
    for k, n in sizes:
        first = 1
        while first <= n:
            take = min(room, n - first + 1)
            current.append((k, first, first + take - 1))
            first, room = first + take, room - take
            if room == 0:
                out.append(current)
                current, room = [], limit
    if current:
        out.append(current)
    return out


class Ingest:
    def __init__(self, db_path: Path, gx_dir: Path, max_afgekeurd: float = 0.10,
                 echo: Callable[[str], None] = print):
        self.con = duckdb.connect(str(db_path), config={"memory_limit": MEMORY_LIMIT})
        self.con.execute("set enable_progress_bar = false")
        create_warehouse(self.con)
        self.gx_dir, self.max_afgekeurd, self.echo = gx_dir, max_afgekeurd, echo
        self._validator: Validator | None = None

    @property
    def validator(self) -> Validator:
        if self._validator is None:
            self._validator = Validator(self.gx_dir)
        return self._validator

    def run(self, paths: list[Path]) -> list[Attempt]:
        folders = sorted(discover(paths), key=_order)
        done: list[Attempt] = []
        pending: list[Attempt] = []
        for folder in folders:
            if pending and _manifest_id(folder) in {p.id for p in pending}:
                # The same id twice in one run: load the first, so the second is checked against it.
                done.extend(self._validate_and_load(pending))
                pending = []
            attempt = self._precheck(folder)
            if attempt.status:  # decided already: no-op or rejected
                self._finish(attempt, [])
                done.append(attempt)
                continue
            if pending and (pending[0].bron != attempt.bron or sum(a.rows for a in pending) + attempt.rows > BATCH_ROWS):
                done.extend(self._validate_and_load(pending))
                pending = []
            pending.append(attempt)
        if pending:
            done.extend(self._validate_and_load(pending))
        return done

    # -- delivery level ---------------------------------------------------------------------

    def _precheck(self, folder: Path) -> Attempt:
        a = Attempt(folder)
        try:
            a.manifest = read_manifest(folder)
            check_manifest(folder, a.manifest)
            if self._already_accepted(a):
                return a
            for entry in a.manifest["bestanden"]:
                path = check_file(folder, entry)
                tabel = entry["tabel"]
                names = [c.name for c in SOURCES[a.bron].tables[tabel]]
                self._stage(a, tabel, names, read_batches(path, a.bron, tabel, int(entry["rijen"])))
        except Rejected as e:
            self._release(a)
            a.status, a.reden = "afgewezen", f"{e.regel}: {e}"
            a.failed_rules = {e.regel: 1}
            for tabel, table in (_lenient_rows(folder, a.manifest) if a.manifest else {}).items():
                rows = table.append_column("_rijnummer", pa.array(range(1, table.num_rows + 1), pa.int64()))
                a.tables[tabel] = Staged(f"_in_{uuid.uuid4().hex}", table.column_names, table.num_rows, rows)
                self.con.register(a.tables[tabel].name, rows)
        a.rows = sum(t.rows for t in a.tables.values())
        return a

    def _stage(self, a: Attempt, tabel: str, names: list[str], batches: Iterable) -> None:
        """Copy a file's record batches into a temp table as text, numbered from 1 (`_rijnummer`):
        only one batch at a time is in Python's memory."""
        staged = Staged(f"_in_{uuid.uuid4().hex}", names, 0)
        a.tables[tabel] = staged
        cols = ", ".join(f"{_quoted(n)} varchar" for n in names)
        self.con.execute(f"create temp table {staged.name} ({cols}, _rijnummer bigint)")
        for batch in batches:
            n = batch.num_rows
            text = _as_text(batch).append_column(
                "_rijnummer", pa.array(range(staged.rows + 1, staged.rows + n + 1), pa.int64()))
            self.con.register("_stage_in", text)
            self.con.execute(f"insert into {staged.name} select * from _stage_in")
            self.con.unregister("_stage_in")
            staged.rows += n

    def _drop(self, staged: Staged) -> None:
        if staged.arrow is not None:
            self.con.unregister(staged.name)
        else:
            self.con.execute(f"drop table if exists {staged.name}")

    def _release(self, a: Attempt) -> None:
        """Drop a delivery's rows once it is decided: a run keeps no delivery's rows in memory."""
        for staged in a.tables.values():
            self._drop(staged)
        a.tables = {}

    def _already_accepted(self, a: Attempt) -> bool:
        row = self.con.execute(
            "select bestanden from ingest.aanleverlog where aanlevering_id = ? and status in (?, ?) limit 1",
            [a.id, *ACCEPTED]).fetchone()
        if row is None:
            return False
        before = {(b["naam"], b["sha256"]) for b in json.loads(row[0])}
        now = {(b.get("naam"), b.get("sha256")) for b in a.manifest["bestanden"]}
        if before != now:
            raise Rejected("al_aangeleverd", f"aanlevering_id {a.id} was accepted before with other content; "
                                             f"deliveries are immutable: send a correction under a new id")
        for entry in a.manifest["bestanden"]:
            check_file(a.folder, entry)  # same manifest: the files must still be the same too
        a.status, a.reden = "overgeslagen", "already accepted with identical checksums (no-op)"
        return True

    # -- row level ----------------------------------------------------------------------------

    def _validate_and_load(self, attempts: list[Attempt]) -> list[Attempt]:
        bron = attempts[0].bron
        failures: list[pd.DataFrame] = []
        for tabel in SOURCES[bron].tables:
            batch = [(k, a) for k, a in enumerate(attempts) if tabel in a.tables]
            if batch:
                self._check_rows(bron, tabel, batch)
                failures.extend(self._validate(bron, tabel, [(k, a.tables[tabel].rows) for k, a in batch]))
        fouten = pd.concat(failures, ignore_index=True) if failures else pd.DataFrame(
            columns=["aanlevering_id", "rijnummer", "regel", "kolom", "waarde", "tabel"])
        for a in attempts:
            mine = fouten[fouten.aanlevering_id == a.id]
            bad = mine[["tabel", "rijnummer"]].drop_duplicates()
            a.failed_rules = mine.groupby("regel").size().to_dict()
            if a.rows and len(bad) / a.rows > self.max_afgekeurd:
                a.status = "afgewezen"
                a.reden = (f"te_veel_afgekeurd: {len(bad):,} of {a.rows:,} rows ({len(bad) / a.rows:.1%}) break a rule, "
                           f"more than the allowed {self.max_afgekeurd:.0%}")
            else:
                a.status = "geaccepteerd_met_quarantaine" if len(bad) else "geaccepteerd"
            self._finish(a, [mine])
        for tabel in SOURCES[bron].tables:
            self.con.execute(f"drop table if exists _gecontroleerd__{tabel}")
        return attempts

    def _check_rows(self, bron: str, tabel: str, batch: list[tuple[int, Attempt]]) -> None:
        """`_gecontroleerd__<tabel>`: the batch's rows typed, with their delivery context and the
        helper columns of the reference rules, in DuckDB."""
        parts = []
        for k, a in batch:
            m = a.manifest
            aangemaakt = pd.Timestamp(m["aangemaakt_op"]).date()  # the supplier's local date counts
            parts.append(f"""
                select {', '.join(_quoted(c) for c in a.tables[tabel].columns)},
                    {_literal(a.id)} as aanlevering_id, {_literal(m['leverancier'])} as leverancier,
                    {_literal(m['periode'])} as periode, _rijnummer as rijnummer, cast({k} as bigint) as _volgorde,
                    date {_literal(aangemaakt.isoformat())} as _aangemaakt_op
                from {a.tables[tabel].name}""")
        self.con.execute(f"create or replace temp view _tekst__{tabel} as {' union all '.join(parts)}")
        self.con.execute(f"create or replace temp table _getypeerd as {typed_select(bron, tabel, f'_tekst__{tabel}')}")
        self.con.execute(f"create or replace temp table _gecontroleerd__{tabel} as "
                         f"{with_reference_flags(bron, tabel, '_getypeerd')}")
        self.con.execute("drop table _getypeerd")
        self.con.execute(f"drop view _tekst__{tabel}")

    def _validate(self, bron: str, tabel: str, sizes: list[tuple[int, int]]) -> list[pd.DataFrame]:
        """Every rule on every row: GE validates the batch in frames of at most BATCH_ROWS rows,
        each with only the columns the rules read."""
        columns = ", ".join(frame_columns(bron, tabel))
        failures = []
        for chunk in chunks(sizes, BATCH_ROWS):
            where = " or ".join(f"(_volgorde = {k} and rijnummer between {lo} and {hi})" for k, lo, hi in chunk)
            frame = self.con.execute(f"select {columns} from _gecontroleerd__{tabel} where {where}").df()
            outcome = self.validator.validate(bron, tabel, frame)
            del frame
            if outcome.failures:
                f = pd.DataFrame([vars(x) for x in outcome.failures])
                f["tabel"] = tabel
                failures.append(f)
        return failures

    # -- one transaction per delivery -------------------------------------------------------

    def _finish(self, a: Attempt, failures: list[pd.DataFrame]) -> None:
        poging = str(uuid.uuid4())
        con = self.con
        try:
            con.execute("begin transaction")
            if a.status in ACCEPTED:
                self._load_accepted(a, poging, failures[0] if failures else None)
            elif a.status == "afgewezen":
                self._quarantine_all(a, poging, failures[0] if failures else None)
            self._log(a, poging)
            con.execute("commit")
        except Exception as e:  # noqa: BLE001 - anything: roll back, record, go on with the next delivery
            con.execute("rollback")
            a.status, a.reden, a.loaded, a.quarantined = "afgewezen", f"interne_fout: {e!r}", 0, 0
            con.execute("begin transaction")
            self._log(a, str(uuid.uuid4()))
            con.execute("commit")
        self._release(a)
        self.echo(summary_line(a))

    def _register_failures(self, a: Attempt, failures: pd.DataFrame | None) -> None:
        f = failures if failures is not None else pd.DataFrame(
            columns=["aanlevering_id", "rijnummer", "regel", "kolom", "waarde", "tabel"])
        f = f[["aanlevering_id", "tabel", "rijnummer", "regel", "kolom", "waarde"]].astype(
            {"aanlevering_id": "string", "tabel": "string", "rijnummer": "int64", "regel": "string",
             "kolom": "string", "waarde": "string"})
        self.con.register("_fouten_df", f)
        self.con.execute("create or replace temp table _fouten as select * from _fouten_df")
        self.con.unregister("_fouten_df")

    def _load_accepted(self, a: Attempt, poging: str, failures: pd.DataFrame | None) -> None:
        clean = failures is None or failures.empty
        if not clean:
            self._register_failures(a, failures)
        for tabel, staged in a.tables.items():
            cols = ", ".join(c.name for c in SOURCES[a.bron].tables[tabel])
            # Most deliveries have no bad row: then skip the anti-join and the quarantine.
            skip_bad = "" if clean else """
                  and not exists (select 1 from _fouten as f
                                  where f.tabel = ? and f.aanlevering_id = g.aanlevering_id and f.rijnummer = g.rijnummer)"""
            self.con.execute(f"""
                insert into {raw_table(a.bron, tabel)}
                select aanlevering_id, leverancier, periode, rijnummer, {cols}
                from _gecontroleerd__{tabel} as g
                where aanlevering_id = ?{skip_bad}
                order by rijnummer""", [a.id] if clean else [a.id, tabel])
            if clean:
                continue
            bestand = next(b["naam"] for b in a.manifest["bestanden"] if b["tabel"] == tabel)
            self.con.execute(f"""
                insert into ingest.quarantaine
                select ?, f.aanlevering_id, ?, f.tabel, ?, f.rijnummer, f.regel, f.kolom, f.waarde,
                       to_json(struct_pack({', '.join(f'{c} := t.{c}' for c in cols.split(', '))}))
                from _fouten as f
                inner join {staged.name} as t on t._rijnummer = f.rijnummer
                where f.tabel = ? and f.aanlevering_id = ?""", [poging, a.bron, bestand, tabel, a.id])
        a.quarantined = 0 if clean else self.con.execute(
            "select count(*) from (select distinct tabel, rijnummer from _fouten where aanlevering_id = ?)",
            [a.id]).fetchone()[0]
        a.loaded = a.rows - a.quarantined

    def _quarantine_all(self, a: Attempt, poging: str, failures: pd.DataFrame | None) -> None:
        """A rejected delivery keeps every readable row: its own rule where it broke one, else the
        rejection reason."""
        self._register_failures(a, failures)
        regel = (a.reden or "afgewezen").split(":")[0]
        for tabel, staged in a.tables.items():
            bestand = next((b.get("naam") for b in a.manifest.get("bestanden", []) if b.get("tabel") == tabel), tabel)
            quoted = [_quoted(c) for c in staged.columns]  # names as delivered
            self.con.execute(f"""
                insert into ingest.quarantaine
                select ?, ?, ?, ?, ?, r._rijnummer, coalesce(f.regel, ?), f.kolom, f.waarde,
                       to_json(struct_pack({', '.join(f'{q} := r.{q}' for q in quoted)}))
                from {staged.name} as r
                left join _fouten as f on f.aanlevering_id = ? and f.tabel = ? and f.rijnummer = r._rijnummer
                """, [poging, a.id, a.bron, tabel, bestand, regel, a.id, tabel])
        a.loaded, a.quarantined = 0, a.rows

    def _log(self, a: Attempt, poging: str) -> None:
        m = a.manifest or {}
        bestanden = [{k: b.get(k) for k in ("naam", "tabel", "rijen", "sha256")} for b in m.get("bestanden") or []
                     if isinstance(b, dict)]
        try:
            aangemaakt = pd.Timestamp(m.get("aangemaakt_op")).to_pydatetime() if m.get("aangemaakt_op") else None
        except ValueError:
            aangemaakt = None
        self.con.execute(
            "insert into ingest.aanleverlog values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [poging, m.get("aanlevering_id"), m.get("bron"), m.get("leverancier"), m.get("periode"),
             str(a.folder), a.status, a.reden, a.rows, a.loaded, a.quarantined,
             json.dumps(a.failed_rules, sort_keys=True), json.dumps(bestanden), aangemaakt, a.started,
             datetime.now(timezone.utc)])


SYMBOL = {"geaccepteerd": "OK ", "geaccepteerd_met_quarantaine": "OK*", "afgewezen": "NO ", "overgeslagen": "-- "}


def summary_line(a: Attempt) -> str:
    head = f"{SYMBOL.get(a.status, '?? ')} {a.status:<28} {a.id}"
    if a.status == "overgeslagen":
        return f"{head}: {a.reden}"
    text = f"{head}: {a.rows:,} rows received, {a.loaded:,} loaded, {a.quarantined:,} quarantined"
    if a.reden:
        text += f"\n      reason: {a.reden}"
    if a.failed_rules and a.reden is None or len(a.failed_rules) > 1 or (a.reden or "").startswith("te_veel"):
        text += "\n      rules broken (rows): " + ", ".join(f"{k} ({v})" for k, v in sorted(a.failed_rules.items()))
    return text
