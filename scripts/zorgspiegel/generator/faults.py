"""Fault catalogue: small bad deliveries, one per kind of error the ingest must catch.

Each fault is written as its own delivery root `faults_root/<fault>/<bron>/<aanlevering_id>/`
from ~50 rows of a clean delivery, so the ingest can be tested on exactly one error at a
time: ingest the clean root, then one fault root, and compare with `CATALOGUE.md` /
`catalogue.json` (both generated next to the fault roots).

- Row-level faults change 1-3 rows and keep a correct manifest (rows, sha256), so the
  ingest gets past the file checks and must quarantine exactly those rows.
- Whole-delivery faults break the manifest, the file or the format; the whole delivery
  must be rejected.

Every fault delivery keeps the leverancier, periode and aangemaakt_op of its clean source
and gets volgnummer 900 + k (k = 1-based position in FAULT_KINDS), so its aanlevering_id is
new; only `redelivery_changed_content` reuses the clean aanlevering_id on purpose.
Declaration lines get a per-fault suffix on regel_id (`-F<k>`) so they never collide with
the clean delivery or with another fault (except where the fault is the collision).
"""
from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from zorgspiegel.deliveries import Delivery, read_batches
from zorgspiegel.spec import arrow_schema
from zorgspiegel.generator.writer import DeliveryWriter, sha256_of, write_delivery

REJECT = "reject the whole delivery"

FAULT_KINDS: dict[str, str] = {
    "truncated_file": "Data file cut short after the manifest was written (sha256 mismatch, file unreadable); "
                      "reject the whole delivery.",
    "checksum_mismatch": "One value in the data file changed after the manifest was written (sha256 mismatch, "
                         "file still readable); reject the whole delivery.",
    "row_count_mismatch": "Manifest 'rijen' differs from the rows in the file while the sha256 is correct; "
                          "reject the whole delivery.",
    "missing_column": "A required column (prestatiecode) is absent from the file, manifest consistent; "
                      "reject the whole delivery.",
    "wrong_type": "A date column (begindatum) delivered as text 'DD-MM-YYYY' (string in Parquet); "
                  "reject the whole delivery.",
    "invalid_agb_code": "Two claim lines with a declarant_agb that is not 8 digits ('12345', '0101234X'); "
                        "quarantine those 2 rows.",
    "invalid_persoon_id": "Two rows whose persoon_id is not 64 lowercase hex characters (uppercase; short and "
                          "non-hex); quarantine those 2 rows.",
    "unknown_prestatiecode": "Two claim lines with prestatiecode '99999', which is not in the seeds; "
                             "quarantine those 2 rows.",
    "unknown_buurtcode": "Two verzekerden rows with buurtcode 'BU99999999', which is not a CBS buurt; "
                         "quarantine those 2 rows.",
    "future_dates": "Two claim lines with begindatum/einddatum or verwerkingsdatum 2099-01-01, after the "
                    "manifest's aangemaakt_op; quarantine those 2 rows.",
    "negative_amount": "Two claim lines with bedrag -12.50 (bedrag must be >= 0); quarantine those 2 rows.",
    "reversal_without_original": "A 'C' line whose origineel_regel_id never arrived in any delivery; "
                                 "quarantine that 1 row.",
    "double_reversal": "Two 'C' lines reverse the same 'D' line, which is present in this delivery; "
                       "quarantine the second reversal (1 row).",
    "duplicate_regel_id": "One line repeats a regel_id already delivered by the same insurer in a clean "
                          "delivery, one repeats a regel_id within this delivery; quarantine the 2 repeating rows.",
    "redelivery_changed_content": "Same aanlevering_id as an already loaded clean delivery, one amount changed, "
                                  "manifest internally consistent (different sha256); reject the whole delivery.",
    "csv_wrong_separator": "CSV written with ',' instead of ';' (manifest consistent with the file); "
                           "reject the whole delivery.",
    "csv_wrong_encoding": "CSV written in cp1252 instead of UTF-8 (non-ASCII names such as 'é', 'ë'; manifest "
                          "consistent); reject the whole delivery.",
    "jeugdwet_other_gemeente": "Jeugdwet delivery of one gemeente with 2 rows whose gemeentecode is another "
                               "gemeente; quarantine those 2 rows (never show them to either gemeente).",
}

SAMPLE_ROWS = 50
VOLGNUMMER_BASE = 900
FUTURE = date(2099, 1, 1)
NEGATIVE = Decimal("-12.50")
BAD_AGB = ("12345", "0101234X")
UNKNOWN_PRESTATIECODE = "99999"
UNKNOWN_BUURTCODE = "BU99999999"
OTHER_GEMEENTEN = ("GM0363", "GM0599")  # Amsterdam, Rotterdam: real, but (almost) never the supplier
CP1252_NAMES = ("Huisartsenpraktijk Linné", "Gezondheidscentrum De Zeeën")


# ---------------------------------------------------------------- reading clean deliveries

def _find_clean(clean_root: Path, bron: str, min_rows: int = SAMPLE_ROWS) -> Delivery:
    """The first delivery of `bron` in sorted folder order with at least `min_rows` rows.

    If none is that big (a tiny scale), the largest one, so the bad rows stay a minority if at all possible.
    """
    folders = sorted(p for p in (Path(clean_root) / bron).glob("*") if (p / "manifest.json").is_file())
    if not folders:
        raise FileNotFoundError(f"no {bron} delivery under {clean_root}")
    cleans = [Delivery.load(f) for f in folders]
    return next((c for c in cleans if c.rows() >= min_rows), max(cleans, key=Delivery.rows))


def _head(clean: Delivery, tabel: str, n: int = SAMPLE_ROWS,
          keep: Callable[[pa.Table], pa.Array] | None = None) -> pa.Table:
    """The first n rows of a file (only rows where keep(table) is true, if given)."""
    parts, have = [], 0
    for t in read_batches(clean, tabel):
        if keep is not None:
            t = t.filter(keep(t))
        parts.append(t.slice(0, n - have))
        have += parts[-1].num_rows
        if have >= n:
            break
    return pa.concat_tables(parts).combine_chunks() if parts else arrow_schema(clean.bron, tabel).empty_table()


# ---------------------------------------------------------------- small table edits

def _set(table: pa.Table, column: str, rows: list[int], values: list) -> pa.Table:
    """Copy of `table` with table[column][rows[i]] = values[i]; vectorised per edited row."""
    i = table.schema.get_field_index(column)
    field, col = table.schema.field(i), table.column(i)
    positions = np.arange(table.num_rows)
    for r, v in zip(rows, values):
        col = pc.if_else(pa.array(positions == r), pa.scalar(v, type=field.type), col)
    return table.set_column(i, field, col)


def _set_row(table: pa.Table, row: int, values: dict) -> pa.Table:
    """Copy of `table` with several columns of one row replaced."""
    for column, value in values.items():
        table = _set(table, column, [row], [value])
    return table


def _row(table: pa.Table, r: int) -> dict:
    return table.slice(r, 1).to_pylist()[0]


def _write_file(table: pa.Table, path: Path, delimiter: str = ";") -> None:
    """Write one data file like the DeliveryWriter does (Parquet zstd, or CSV with a header)."""
    if path.suffix == ".csv":
        pacsv.write_csv(table, path, pacsv.WriteOptions(delimiter=delimiter))
    else:
        pq.write_table(table, path, compression="zstd")


def _save_manifest(folder: Path, manifest: dict) -> None:
    """Same layout as writer.DeliveryWriter.close()."""
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                          encoding="utf-8")


def _refresh_checksums(folder: Path) -> dict:
    """Recompute sha256 after a file was rewritten on purpose, so the manifest stays consistent."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for b in manifest["bestanden"]:
        b["sha256"] = sha256_of(folder / b["naam"])
    _save_manifest(folder, manifest)
    return manifest


# ---------------------------------------------------------------- one run

@dataclass(frozen=True)
class FaultDelivery:
    """One written fault delivery and what the ingest must do with it."""
    fault: str
    bron: str
    source: str  # aanlevering_id of the clean delivery it was made from
    aanlevering_id: str
    folder: str  # relative to faults_root, so the catalogue is the same wherever it is written
    wrong: str
    outcome: str
    bad_rows: int  # rows to quarantine; 0 = whole delivery rejected


class _Run:
    """The clean sources, the output root and the seed shared by all fault builders."""

    def __init__(self, clean_root: Path, faults_root: Path, seed: int):
        self.faults_root, self.seed = Path(faults_root), seed
        self.decl = _find_clean(clean_root, "zvw_declaraties")
        self.verz = _find_clean(clean_root, "zvw_verzekerden")
        self.jeugd = _find_clean(clean_root, "jeugdwet_trajecten")
        self.agb = _find_clean(clean_root, "agb_register", 0)  # a snapshot: any will do
        # only 'D' lines: a 'C' line whose original is outside the sample would be a second, unintended fault
        self.decl_d = _head(self.decl, "declaraties", keep=lambda t: pc.equal(t["debet_credit"], "D"))

    @staticmethod
    def k(fault: str) -> int:
        return list(FAULT_KINDS).index(fault) + 1

    def pick(self, fault: str, n_rows: int, count: int) -> list[int]:
        """`count` distinct sorted row positions, deterministic per (seed, fault)."""
        if n_rows < count:
            raise ValueError(f"{fault}: needs {count} rows to spoil, the clean sample has {n_rows}")
        rng = np.random.default_rng([self.seed, 99, self.k(fault)])
        return sorted(int(r) for r in rng.choice(n_rows, size=count, replace=False))

    def declaraties(self, fault: str) -> pa.Table:
        """The D-line sample with regel_id made unique for this fault (suffix -F<k>)."""
        suffix = f"-F{self.k(fault):02d}"
        i = self.decl_d.schema.get_field_index("regel_id")
        ids = pc.binary_join_element_wise(self.decl_d.column(i), suffix, "")
        return self.decl_d.set_column(i, self.decl_d.schema.field(i), ids)

    def emit(self, fault: str, clean: Delivery, tables: dict[str, pa.Table], wrong: str, bad_rows: int,
             fmt: str | None = None) -> tuple[FaultDelivery, Path]:
        """Write a consistent delivery (correct manifest) with a new volgnummer 900 + k."""
        m = clean.manifest
        fmt = fmt or clean.fmt(next(iter(tables)))
        new = write_delivery(self.faults_root / fault, clean.bron, m["leverancier"], m["periode"],
                             m["aangemaakt_op"], tables, fmt, VOLGNUMMER_BASE + self.k(fault))
        folder = self.faults_root / fault / clean.bron / new["aanlevering_id"]
        outcome = REJECT if bad_rows == 0 else f"quarantine {bad_rows} row(s), load the rest"
        return FaultDelivery(fault, clean.bron, clean.id, new["aanlevering_id"],
                             folder.relative_to(self.faults_root).as_posix(), wrong, outcome, bad_rows), folder


def _ids(table: pa.Table, rows: list[int]) -> str:
    return ", ".join(f"'{table['regel_id'][r].as_py()}'" for r in rows)


def _data_files(folder: Path) -> list[Path]:
    """The data files of a delivery folder, in manifest order."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [folder / b["naam"] for b in manifest["bestanden"]]


def _with(fd: FaultDelivery, wrong: str) -> FaultDelivery:
    return FaultDelivery(**{**asdict(fd), "wrong": wrong})


# ---------------------------------------------------------------- whole-delivery faults

def _truncated_file(run: _Run, fault: str) -> FaultDelivery:
    fd, folder = run.emit(fault, run.decl, {"declaraties": run.declaraties(fault)}, "", 0)
    (path,) = _data_files(folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # Parquet loses its footer: unreadable
    return _with(fd, f"{path.name} cut to {len(data) // 2} of {len(data)} bytes after the manifest was written")


def _checksum_mismatch(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    fd, folder = run.emit(fault, run.decl, {"declaraties": t}, "", 0)
    (r,) = run.pick(fault, t.num_rows, 1)
    old = t["bedrag"][r].as_py()
    (path,) = _data_files(folder)
    _write_file(_set(t, "bedrag", [r], [old + Decimal("1.00")]), path)  # manifest keeps the old sha256
    return _with(fd, f"after the manifest, bedrag of regel_id {_ids(t, [r])} changed {old} -> {old + 1}; "
                     "rows unchanged, sha256 differs")


def _row_count_mismatch(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    fd, folder = run.emit(fault, run.decl, {"declaraties": t}, "", 0)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["bestanden"][0]["rijen"] = t.num_rows + 1
    _save_manifest(folder, manifest)
    return _with(fd, f"manifest rijen {t.num_rows + 1}, file has {t.num_rows} rows; sha256 correct")


def _missing_column(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault).drop_columns(["prestatiecode"])
    fd, _ = run.emit(fault, run.decl, {"declaraties": t}, "required column prestatiecode absent", 0)
    return fd


def _wrong_type(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    i = t.schema.get_field_index("begindatum")
    text = pa.array([d.strftime("%d-%m-%Y") for d in t["begindatum"].to_pylist()], pa.string())
    t = t.set_column(i, pa.field("begindatum", pa.string(), nullable=False), text)
    fd, _ = run.emit(fault, run.decl, {"declaraties": t},
                     f"begindatum is text 'DD-MM-YYYY' in every row (e.g. '{text[0].as_py()}'), "
                     "Arrow/Parquet type string instead of date", 0)
    return fd


def _redelivery_changed_content(run: _Run, fault: str) -> FaultDelivery:
    """Stream the whole clean delivery again under its own aanlevering_id, one bedrag changed."""
    clean, m = run.decl, run.decl.manifest
    volgnummer = int(clean.id.rsplit("-", 1)[1])
    w = DeliveryWriter(run.faults_root / fault, clean.bron, m["leverancier"], m["periode"], m["aangemaakt_op"],
                       clean.fmt("declaraties"), volgnummer)
    assert w.id == clean.id, (w.id, clean.id)
    changed = ""
    for t in read_batches(clean, "declaraties"):
        if not changed and t.num_rows:
            r = max(pc.index(t["debet_credit"], "D").as_py(), 0)  # a D line: its C lines need no change
            old = t["bedrag"][r].as_py()
            t = _set(t, "bedrag", [r], [old + Decimal("1.00")])
            changed = f"bedrag of regel_id {_ids(t, [r])} {old} -> {old + 1}"
        w.append("declaraties", t)
    w.close()
    folder = (run.faults_root / fault / clean.bron / clean.id).relative_to(run.faults_root).as_posix()
    return FaultDelivery(fault, clean.bron, clean.id, clean.id, folder,
                         f"aanlevering_id {clean.id} delivered again (all {clean.rows()} rows) with {changed}; "
                         "manifest recomputed, so only the sha256 differs from the loaded delivery",
                         REJECT + " (aanlevering_id already loaded with a different sha256)", 0)


def _csv_wrong_separator(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    fd, folder = run.emit(fault, run.decl, {"declaraties": t}, "", 0, fmt="csv")
    _write_file(t, folder / "declaraties.csv", delimiter=",")
    _refresh_checksums(folder)
    return _with(fd, "declaraties.csv uses ',' as separator instead of ';'; manifest rows/sha256 match the file")


def _csv_wrong_encoding(run: _Run, fault: str) -> FaultDelivery:
    tables = {b["tabel"]: _head(run.agb, b["tabel"]) for b in run.agb.manifest["bestanden"]}
    ond = tables["ondernemingen"]
    rows = run.pick(fault, ond.num_rows, len(CP1252_NAMES))
    tables["ondernemingen"] = _set(ond, "naam", rows, list(CP1252_NAMES))
    fd, folder = run.emit(fault, run.agb, tables, "", 0, fmt="csv")
    for path in _data_files(folder):
        # a supplier exporting from Windows: cp1252; characters it lacks become '?' as in such an export
        path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    _refresh_checksums(folder)
    return _with(fd, f"all CSV files encoded cp1252, not UTF-8; ondernemingen rows {rows} have naam "
                     f"{' / '.join(repr(n) for n in CP1252_NAMES)}; manifest consistent")


# ---------------------------------------------------------------- row-level faults

def _declaration_value_fault(column: str, values: list, what: str):
    """Builder for 'these rows get these values in one column' faults on declaraties."""
    def build(run: _Run, fault: str) -> FaultDelivery:
        t = run.declaraties(fault)
        rows = run.pick(fault, t.num_rows, len(values))
        t2 = _set(t, column, rows, values)
        fd, _ = run.emit(fault, run.decl, {"declaraties": t2}, f"regel_id {_ids(t2, rows)}: {what}", len(rows))
        return fd
    return build


def _invalid_persoon_id(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    rows = run.pick(fault, t.num_rows, 2)
    a, b = (t["persoon_id"][r].as_py() for r in rows)
    bad = [a.upper(), b[:31] + "g"]  # uppercase hex; 32 characters with a non-hex 'g'
    fd, _ = run.emit(fault, run.decl, {"declaraties": _set(t, "persoon_id", rows, bad)},
                     f"regel_id {_ids(t, rows)}: persoon_id uppercase / 32 chars with non-hex 'g'", 2)
    return fd


def _future_dates(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    a, b = run.pick(fault, t.num_rows, 2)
    t = _set_row(t, a, {"begindatum": FUTURE, "einddatum": FUTURE})  # keeps begindatum <= einddatum
    t = _set(t, "verwerkingsdatum", [b], [FUTURE])
    fd, _ = run.emit(fault, run.decl, {"declaraties": t},
                     f"regel_id {_ids(t, [a])}: begindatum = einddatum = {FUTURE}; regel_id {_ids(t, [b])}: "
                     f"verwerkingsdatum {FUTURE}; both after aangemaakt_op {run.decl.manifest['aangemaakt_op']}", 2)
    return fd


def _reversal_without_original(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    (r,) = run.pick(fault, t.num_rows, 1)
    rid = t["regel_id"][r].as_py()
    missing = f"{rid}-NOOIT-GELEVERD"  # a regel_id no delivery contains
    t = _set_row(t, r, {"regel_id": f"{rid}-C", "debet_credit": "C", "origineel_regel_id": missing})
    fd, _ = run.emit(fault, run.decl, {"declaraties": t},
                     f"regel_id '{rid}-C' is a 'C' line reversing '{missing}', which never arrived", 1)
    return fd


def _double_reversal(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    d, c1, c2 = run.pick(fault, t.num_rows, 3)
    orig = _row(t, d)
    for n, r in enumerate((c1, c2), start=1):
        # a full reversal repeats the original line (bedrag stays >= 0) with D -> C
        t = _set_row(t, r, {**orig, "regel_id": f"{orig['regel_id']}-C{n}", "debet_credit": "C",
                            "origineel_regel_id": orig["regel_id"]})
    fd, _ = run.emit(fault, run.decl, {"declaraties": t},
                     f"'D' line '{orig['regel_id']}' (row {d}, 0-based) is reversed twice: '{orig['regel_id']}-C1' "
                     f"(row {c1}) and '{orig['regel_id']}-C2' (row {c2}); the second reversal is the error", 1)
    return fd


def _duplicate_regel_id(run: _Run, fault: str) -> FaultDelivery:
    t = run.declaraties(fault)
    x, y, z = run.pick(fault, t.num_rows, 3)
    clean_id = run.decl_d["regel_id"][x].as_py()  # the very line of the clean delivery: sent again
    within = t["regel_id"][z].as_py()
    t = _set(t, "regel_id", [x, y], [clean_id, within])
    fd, _ = run.emit(fault, run.decl, {"declaraties": t},
                     f"row {x} (0-based) repeats regel_id '{clean_id}' of clean delivery {run.decl.id} (same insurer); "
                     f"row {y} repeats regel_id '{within}' of row {z} in this delivery (other content)", 2)
    return fd


def _unknown_buurtcode(run: _Run, fault: str) -> FaultDelivery:
    t = _head(run.verz, "verzekerden")
    rows = run.pick(fault, t.num_rows, 2)
    fd, _ = run.emit(fault, run.verz, {"verzekerden": _set(t, "buurtcode", rows, [UNKNOWN_BUURTCODE] * 2)},
                     f"rows {rows} (0-based): buurtcode '{UNKNOWN_BUURTCODE}' is not a CBS buurt", 2)
    return fd


def _jeugdwet_other_gemeente(run: _Run, fault: str) -> FaultDelivery:
    t = _head(run.jeugd, "jeugdwet_trajecten")
    own = run.jeugd.manifest["leverancier"]
    other = next(g for g in OTHER_GEMEENTEN if g != own)
    rows = run.pick(fault, t.num_rows, 2)
    fd, _ = run.emit(fault, run.jeugd, {"jeugdwet_trajecten": _set(t, "gemeentecode", rows, [other] * 2)},
                     f"rows {rows} (0-based): gemeentecode '{other}' in a delivery of leverancier '{own}'", 2)
    return fd


_BUILDERS: dict[str, Callable[[_Run, str], FaultDelivery]] = {
    "truncated_file": _truncated_file,
    "checksum_mismatch": _checksum_mismatch,
    "row_count_mismatch": _row_count_mismatch,
    "missing_column": _missing_column,
    "wrong_type": _wrong_type,
    "invalid_agb_code": _declaration_value_fault("declarant_agb", list(BAD_AGB),
                                                 f"declarant_agb {' / '.join(BAD_AGB)} (not 8 digits)"),
    "invalid_persoon_id": _invalid_persoon_id,
    "unknown_prestatiecode": _declaration_value_fault("prestatiecode", [UNKNOWN_PRESTATIECODE] * 2,
                                                      f"prestatiecode '{UNKNOWN_PRESTATIECODE}' not in the seeds"),
    "unknown_buurtcode": _unknown_buurtcode,
    "future_dates": _future_dates,
    "negative_amount": _declaration_value_fault("bedrag", [NEGATIVE] * 2, f"bedrag {NEGATIVE}"),
    "reversal_without_original": _reversal_without_original,
    "double_reversal": _double_reversal,
    "duplicate_regel_id": _duplicate_regel_id,
    "redelivery_changed_content": _redelivery_changed_content,
    "csv_wrong_separator": _csv_wrong_separator,
    "csv_wrong_encoding": _csv_wrong_encoding,
    "jeugdwet_other_gemeente": _jeugdwet_other_gemeente,
}
assert list(_BUILDERS) == list(FAULT_KINDS)


# ---------------------------------------------------------------- catalogue

def _catalogue_md(run: _Run, faults: list[FaultDelivery]) -> str:
    def cell(s: str) -> str:
        return s.replace("|", "\\|")
    lines = [
        "# Fault catalogue",
        "",
        f"Generated by `zorgspiegel.generator.faults.write_fault_catalogue` (seed {run.seed}); do not edit.",
        "Each fault is its own delivery root `<fault>/`: ingest the clean root first, then one fault root.",
        "Row-level faults have a correct manifest; only the listed rows are wrong.",
        "Delivery sources: " + ", ".join(f"`{c.id}`" for c in (run.decl, run.verz, run.jeugd, run.agb)) + ".",
        "",
        "| fault | source | aanlevering_id | what is wrong | expected outcome |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| `{f.fault}` | {f.bron} (from `{f.source}`) | `{f.aanlevering_id}` | {cell(f.wrong)} | "
              f"{cell(f.outcome)} |" for f in faults]
    return "\n".join(lines) + "\n"


def write_fault_catalogue(clean_root: Path, faults_root: Path, seed: int) -> dict[str, Path]:
    """Write one bad delivery per FAULT_KINDS entry plus CATALOGUE.md and catalogue.json.

    Returns {fault name: folder of its delivery}.
    """
    run = _Run(Path(clean_root), Path(faults_root), seed)
    run.faults_root.mkdir(parents=True, exist_ok=True)
    for name in FAULT_KINDS:  # a rerun must not leave files of an earlier run (e.g. another format) behind
        shutil.rmtree(run.faults_root / name, ignore_errors=True)
    faults = [_BUILDERS[name](run, name) for name in FAULT_KINDS]
    (run.faults_root / "CATALOGUE.md").write_text(_catalogue_md(run, faults), encoding="utf-8")
    (run.faults_root / "catalogue.json").write_text(
        json.dumps({f.fault: asdict(f) for f in faults}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return {f.fault: run.faults_root / f.folder for f in faults}
