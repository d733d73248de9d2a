"""Shared fixtures for the synthetic-generator tests.

Generating data is the slow part, so each data set is generated once per test session into a
pytest temporary directory:

- ``parquet_dataset``: scale 0.002, years 2022-2023, seed 7, Parquet (~36k persons): the data set
  for the spec, value-rule and pattern tests;
- ``csv_dataset``: scale 0.001, year 2023, seed 7, CSV: for CSV conformance;
- ``generate_dataset``: a factory for further small data sets (determinism tests).

``db`` is an in-memory DuckDB connection over ``parquet_dataset`` with one view per source table
(every row carries the ``aanlevering_id``, ``leverancier``, ``periode`` and ``aangemaakt_datum`` of
its delivery), a ``manifest`` table and the project's dbt seeds as ``seed_<name>`` tables.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pytest

from zorgspiegel.deliveries import Delivery, find_deliveries
from zorgspiegel.generator.generate import GenerateConfig, generate
from zorgspiegel.paths import SEEDS_DIR
from zorgspiegel.spec import SOURCES

SUMMARY = pytest.StashKey[list]()  # lines for the end of the pytest run (e.g. measured build times)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for line in config.stash.get(SUMMARY, []):
        terminalreporter.write_line(line)


PARQUET_CONFIG = dict(scale=0.002, years=[2022, 2023], seed=7, fmt="parquet")
CSV_CONFIG = dict(scale=0.001, years=[2023], seed=7, fmt="csv")


@dataclass(frozen=True)
class Dataset:
    config: GenerateConfig
    rows: Counter  # what generate() returned
    deliveries: tuple[Delivery, ...]

    @property
    def root(self) -> Path:
        return Path(self.config.out)

    def of(self, bron: str) -> list[Delivery]:
        return [d for d in self.deliveries if d.bron == bron]


def _make(root: Path, scale: float, years: list[int], seed: int, fmt: str) -> Dataset:
    cfg = GenerateConfig(scale=scale, years=list(years), seed=seed, out=root, fmt=fmt)
    rows = generate(cfg, progress=lambda msg: None)
    return Dataset(config=cfg, rows=rows, deliveries=find_deliveries(root))


@pytest.fixture(scope="session")
def generate_dataset(tmp_path_factory) -> Callable[..., Dataset]:
    """Factory: generate_dataset(name, scale=..., years=[...], seed=..., fmt=...) -> Dataset in a fresh dir."""
    def make(name: str, *, scale: float, years: list[int], seed: int, fmt: str = "parquet") -> Dataset:
        return _make(tmp_path_factory.mktemp(name), scale, years, seed, fmt)
    return make


@pytest.fixture(scope="session")
def parquet_dataset(generate_dataset) -> Dataset:
    return generate_dataset("gen_parquet", **PARQUET_CONFIG)


@pytest.fixture(scope="session")
def csv_dataset(generate_dataset) -> Dataset:
    return generate_dataset("gen_csv", **CSV_CONFIG)


def seed_path(name: str) -> Path:
    for sub in ("domain", "reference"):
        p = SEEDS_DIR / sub / f"{name}.csv"
        if p.exists():
            return p
    raise FileNotFoundError(name)


SEED_NAMES = ["agb_kwalificaties", "atc_fkg", "ggz_diagnosegroepen", "huisarts_prestatiecodes", "jeugdhulpvormen",
              "msz_diagnosen", "wlz_zorgprofielen", "wmo_voorzieningen", "zorgprestaties", "zorgstromen",
              "zorgverzekeraars", "cbs_buurten", "cbs_gemeenten"]


def connect(dataset: Dataset) -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB over a data set (Parquet or CSV), see the module docstring."""
    con = duckdb.connect()
    con.execute("CREATE TABLE manifest (aanlevering_id VARCHAR, bron VARCHAR, leverancier VARCHAR, periode VARCHAR,"
                " aangemaakt_op VARCHAR, aangemaakt_datum DATE)")
    con.executemany("INSERT INTO manifest VALUES (?, ?, ?, ?, ?, ?)", [
        (d.manifest["aanlevering_id"], d.bron, d.manifest["leverancier"], d.manifest["periode"],
         d.manifest["aangemaakt_op"], d.manifest["aangemaakt_op"][:10]) for d in dataset.deliveries])
    fmt = dataset.config.fmt
    for bron, source in SOURCES.items():
        for tabel in source.tables:
            glob = f"{dataset.root}/{bron}/*/{tabel}.{fmt}"
            reader = (f"read_parquet('{glob}', union_by_name=true, filename=true)" if fmt == "parquet" else
                      f"read_csv('{glob}', delim=';', header=true, all_varchar=true, filename=true)")
            con.execute(f"""
                CREATE VIEW {tabel} AS
                SELECT t.* EXCLUDE (filename), m.aanlevering_id, m.leverancier, m.periode, m.aangemaakt_datum
                FROM {reader} t
                JOIN manifest m ON m.aanlevering_id = regexp_extract(t.filename, '([^/]+)/[^/]+$', 1)""")
    for name in SEED_NAMES:
        con.execute(f"CREATE TABLE seed_{name} AS SELECT * FROM read_csv('{seed_path(name)}', header=true, "
                    "all_varchar=true)")
    return con


@pytest.fixture(scope="session")
def db(parquet_dataset) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(parquet_dataset)
    yield con
    con.close()
