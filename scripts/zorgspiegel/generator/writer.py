"""Writes deliveries exactly as the delivery spec says: folder, data files, manifest.json.

A delivery is written in pieces (streaming): `DeliveryWriter.append(tabel, table)` may be
called many times; `close()` finishes the files, computes row counts and SHA-256 and writes
the manifest. Parquet and CSV (UTF-8, ';', '.', ISO dates, empty = null) are supported.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

SPEC_VERSIE = "1"
FORMATS = ("parquet", "csv")


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def aanlevering_id(bron: str, leverancier: str, periode: str, volgnummer: int = 1) -> str:
    return f"{bron}-{leverancier}-{periode}-{volgnummer:03d}"


class DeliveryWriter:
    def __init__(self, root: Path, bron: str, leverancier: str, periode: str, aangemaakt_op: str,
                 fmt: str = "parquet", volgnummer: int = 1):
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
        self.bron, self.leverancier, self.periode = bron, leverancier, periode
        self.aangemaakt_op, self.fmt = aangemaakt_op, fmt
        self.id = aanlevering_id(bron, leverancier, periode, volgnummer)
        self.folder = Path(root) / bron / self.id
        self.folder.mkdir(parents=True, exist_ok=True)
        self._writers: dict[str, object] = {}
        self._rows: dict[str, int] = {}

    def file_name(self, tabel: str) -> str:
        return f"{tabel}.{self.fmt}"

    def append(self, tabel: str, table: pa.Table) -> None:
        w = self._writers.get(tabel)
        if w is None:
            path = self.folder / self.file_name(tabel)
            if self.fmt == "parquet":
                w = pq.ParquetWriter(path, table.schema, compression="zstd")
            else:
                w = pacsv.CSVWriter(path, table.schema, write_options=pacsv.WriteOptions(delimiter=";"))
            self._writers[tabel] = w
            self._rows[tabel] = 0
        w.write_table(table)
        self._rows[tabel] += table.num_rows

    def close(self) -> dict:
        for w in self._writers.values():
            w.close()
        manifest = {
            "spec_versie": SPEC_VERSIE,
            "bron": self.bron,
            "aanlevering_id": self.id,
            "leverancier": self.leverancier,
            "periode": self.periode,
            "aangemaakt_op": self.aangemaakt_op,
            "bestanden": [
                {"naam": self.file_name(t), "tabel": t, "rijen": self._rows[t],
                 "sha256": sha256_of(self.folder / self.file_name(t))}
                for t in sorted(self._writers)
            ],
        }
        (self.folder / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        return manifest


def write_delivery(root: Path, bron: str, leverancier: str, periode: str, aangemaakt_op: str,
                   tables: dict[str, pa.Table], fmt: str = "parquet", volgnummer: int = 1) -> dict:
    """Write a whole delivery at once; returns its manifest."""
    w = DeliveryWriter(root, bron, leverancier, periode, aangemaakt_op, fmt, volgnummer)
    for tabel, table in tables.items():
        w.append(tabel, table)
    return w.close()
