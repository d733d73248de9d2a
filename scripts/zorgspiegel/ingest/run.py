"""`zorgspiegel ingest`: every delivery checked, validated and loaded exactly once.

Per source, deliveries are taken in period order. Delivery-level checks (manifest, files,
schema) run first; the rows of the deliveries that pass are validated together per table by
Great Expectations (one validation per batch keeps GE's per-run overhead low); then each
delivery is decided and loaded in a transaction of its own: its good rows into the raw layer,
its bad rows with their rule into the quarantine, and one line in the delivery log. For every
delivery: rows received = rows loaded + rows quarantined.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..spec import SOURCES
from .checks import Rejected, check_file, check_manifest, read_manifest, read_table
from .expectations import Validator
from .references import typed_select, with_reference_flags
from .warehouse import create_warehouse, raw_table

BATCH_ROWS = 1_000_000  # rows validated together; bounds memory of the pandas frames
MEMORY_LIMIT = "4GB"  # DuckDB's own share; pandas frames for GE come on top (a few GB per batch)
ACCEPTED = ("geaccepteerd", "geaccepteerd_met_quarantaine")


@dataclass
class Attempt:
    folder: Path
    manifest: dict | None = None
    status: str = ""
    reden: str | None = None
    tables: dict[str, pa.Table] = field(default_factory=dict)  # tabel -> rows as text
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


def _as_text(table: pa.Table) -> pa.Table:
    return pa.table({name: table[name].cast(pa.string()) for name in table.column_names})


def _lenient_rows(folder: Path, manifest: dict) -> dict[str, pa.Table]:
    """Whatever rows can be read from a rejected delivery's files, as text, so they can be kept."""
    out = {}
    for entry in manifest.get("bestanden") or []:
        path = folder / str(entry.get("naam", ""))
        try:
            if path.suffix == ".parquet":
                out[str(entry.get("tabel"))] = _as_text(pq.read_table(path))
            elif path.suffix == ".csv":
                for enc in ("utf8", "latin1"):
                    try:
                        out[str(entry.get("tabel"))] = pacsv.read_csv(
                            path, read_options=pacsv.ReadOptions(encoding=enc),
                            parse_options=pacsv.ParseOptions(delimiter=";"),
                            convert_options=pacsv.ConvertOptions(strings_can_be_null=True, null_values=[""],
                                                                 column_types={}, auto_dict_encode=False,
                                                                 check_utf8=False))
                        out[str(entry.get("tabel"))] = _as_text(out[str(entry.get("tabel"))])
                        break
                    except pa.ArrowInvalid:
                        continue
        except (pa.ArrowException, OSError):
            continue  # unreadable: nothing to keep but the file itself, which stays where it was delivered
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
                a.tables[entry["tabel"]] = _as_text(read_table(path, a.bron, entry["tabel"], int(entry["rijen"])))
            a.rows = sum(t.num_rows for t in a.tables.values())
        except Rejected as e:
            a.status, a.reden = "afgewezen", f"{e.regel}: {e}"
            a.failed_rules = {e.regel: 1}
            a.tables = _lenient_rows(folder, a.manifest) if a.manifest else {}
            a.rows = sum(t.num_rows for t in a.tables.values())
        return a

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
            parts = []
            for k, a in enumerate(attempts):
                if tabel not in a.tables:
                    continue
                t = a.tables[tabel]
                n = t.num_rows
                aangemaakt = pd.Timestamp(a.manifest["aangemaakt_op"])  # the supplier's local date counts
                parts.append(t.append_column("aanlevering_id", pa.array([a.id] * n, pa.string()))
                             .append_column("leverancier", pa.array([str(a.manifest["leverancier"])] * n, pa.string()))
                             .append_column("periode", pa.array([str(a.manifest["periode"])] * n, pa.string()))
                             .append_column("rijnummer", pa.array(range(1, n + 1), pa.int64()))
                             .append_column("_volgorde", pa.array([k] * n, pa.int64()))
                             .append_column("_aangemaakt_op", pa.array([aangemaakt.date()] * n, pa.date32())))
            if not parts:
                continue
            text = pa.concat_tables(parts)
            self.con.register("_tekst_in", text)
            self.con.execute(f"create or replace temp table _tekst__{tabel} as select * from _tekst_in")
            self.con.unregister("_tekst_in")
            self.con.execute(f"create or replace temp table _getypeerd as {typed_select(bron, tabel, f'_tekst__{tabel}')}")
            self.con.execute(f"create or replace temp table _gecontroleerd__{tabel} as "
                             f"{with_reference_flags(bron, tabel, '_getypeerd')}")
            frame = self.con.execute(f"select * from _gecontroleerd__{tabel}").df()
            outcome = self.validator.validate(bron, tabel, frame)
            if outcome.failures:
                f = pd.DataFrame([vars(x) for x in outcome.failures])
                f["tabel"] = tabel
                failures.append(f)
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
        return attempts

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
        for tabel in a.tables:
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
                inner join _tekst__{tabel} as t on t.aanlevering_id = f.aanlevering_id and t.rijnummer = f.rijnummer
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
        for tabel, table in a.tables.items():
            n = table.num_rows
            rows = table.append_column("_rijnummer", pa.array(range(1, n + 1), pa.int64()))
            bestand = next((b.get("naam") for b in a.manifest.get("bestanden", []) if b.get("tabel") == tabel), tabel)
            self.con.register("_afgewezen", rows)
            quoted = ['"' + c.replace('"', '""') + '"' for c in table.column_names]  # names as delivered
            self.con.execute(f"""
                insert into ingest.quarantaine
                select ?, ?, ?, ?, ?, r._rijnummer, coalesce(f.regel, ?), f.kolom, f.waarde,
                       to_json(struct_pack({', '.join(f'{q} := r.{q}' for q in quoted)}))
                from _afgewezen as r
                left join _fouten as f on f.aanlevering_id = ? and f.tabel = ? and f.rijnummer = r._rijnummer
                """, [poging, a.id, a.bron, tabel, bestand, regel, a.id, tabel])
            self.con.unregister("_afgewezen")
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
