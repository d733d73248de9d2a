"""Reading deliveries from disk: `<root>/<bron>/<aanlevering_id>/manifest.json` + data files.

Shared by the fault catalogue, the tests and the ingest, so a delivery is read one way only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .spec import arrow_schema


@dataclass(frozen=True)
class Delivery:
    """A delivery folder and its parsed manifest."""
    folder: Path
    manifest: dict

    @classmethod
    def load(cls, folder: Path) -> "Delivery":
        return cls(Path(folder), json.loads((Path(folder) / "manifest.json").read_text(encoding="utf-8")))

    @property
    def bron(self) -> str:
        return self.manifest["bron"]

    @property
    def id(self) -> str:
        return self.manifest["aanlevering_id"]

    def entry(self, tabel: str) -> dict:
        return next(b for b in self.manifest["bestanden"] if b["tabel"] == tabel)

    def path(self, tabel: str) -> Path:
        return self.folder / self.entry(tabel)["naam"]

    def fmt(self, tabel: str) -> str:
        """'parquet' or 'csv'."""
        return self.path(tabel).suffix.lstrip(".")

    def files(self) -> dict[str, Path]:
        """tabel -> data file, as listed in the manifest."""
        return {b["tabel"]: self.folder / b["naam"] for b in self.manifest["bestanden"]}

    def rows(self) -> int:
        return sum(b["rijen"] for b in self.manifest["bestanden"])


def find_deliveries(root: Path, bron: str = "*") -> tuple[Delivery, ...]:
    """Every delivery under root (of one source, if given), in sorted folder order."""
    return tuple(Delivery.load(m.parent) for m in sorted(Path(root).glob(f"{bron}/*/manifest.json")))


def read_batches(delivery: Delivery, tabel: str, batch_rows: int = 65536) -> Iterator[pa.Table]:
    """Stream a data file as spec-typed tables (Parquet or the spec's CSV), never all in memory."""
    path, schema = delivery.path(tabel), arrow_schema(delivery.bron, tabel)
    if path.suffix == ".csv":
        batches = pacsv.open_csv(
            path, read_options=pacsv.ReadOptions(block_size=1 << 22),
            parse_options=pacsv.ParseOptions(delimiter=";"),
            convert_options=pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True))
    else:
        batches = pq.ParquetFile(path).iter_batches(batch_size=batch_rows)
    for batch in batches:
        yield pa.Table.from_batches([batch]).select(schema.names).cast(schema)
