"""The warehouse's landing zone in DuckDB: the raw layer and the ingest metadata.

- `raw.<bron>__<tabel>`: append-only, one per source table of the delivery spec: the spec's
  columns and types, plus `aanlevering_id`, the manifest's `leverancier` and `periode` (so a
  row carries its delivery context without a join) and `rijnummer` (1-based row in its file).
- `ingest.aanleverlog`: one row per ingest attempt of a delivery (also no-ops and rejections).
- `ingest.quarantaine`: every rejected row with its delivery, file, row number, rule and value,
  and the whole row as JSON, so nothing is ever lost.
dbt reads these as sources: one per bron, source('<bron>', '<tabel>'), and source('ingest', ...)
(models/staging/<bron>/_<bron>__sources.yml).
"""
from __future__ import annotations

import duckdb

from ..spec import ARROW_TYPES, SOURCES

SQL_TYPES = {"str": "varchar", "date": "date", "int": "bigint", "dec": "decimal(14, 2)", "bool": "boolean"}
assert set(SQL_TYPES) == set(ARROW_TYPES)

STATUSES = ("geaccepteerd", "geaccepteerd_met_quarantaine", "afgewezen", "overgeslagen")


def raw_table(bron: str, tabel: str) -> str:
    return f"raw.{bron}__{tabel}"


def create_warehouse(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw and ingest schemas and tables if they do not exist (idempotent)."""
    con.execute("create schema if not exists raw")
    con.execute("create schema if not exists ingest")
    for bron, source in SOURCES.items():
        for tabel, columns in source.tables.items():
            cols = ",\n    ".join(f"{c.name} {SQL_TYPES[c.type]}{'' if c.nullable else ' not null'}" for c in columns)
            con.execute(f"""
                create table if not exists {raw_table(bron, tabel)} (
                    aanlevering_id varchar not null,
                    leverancier varchar not null,
                    periode varchar not null,
                    rijnummer bigint not null,
                    {cols}
                )""")
    con.execute("""
        create table if not exists ingest.aanleverlog (
            poging_id varchar primary key,
            aanlevering_id varchar,
            bron varchar,
            leverancier varchar,
            periode varchar,
            map varchar not null,
            status varchar not null,
            reden varchar,
            rijen_ontvangen bigint,
            rijen_geladen bigint,
            rijen_quarantaine bigint,
            mislukte_verwachtingen varchar,
            bestanden varchar,
            aangemaakt_op timestamptz,
            gestart_op timestamptz not null,
            beeindigd_op timestamptz not null
        )""")
    con.execute("""
        create table if not exists ingest.quarantaine (
            poging_id varchar not null,
            aanlevering_id varchar not null,
            bron varchar not null,
            tabel varchar not null,
            bestand varchar not null,
            rijnummer bigint not null,
            regel varchar not null,
            kolom varchar,
            waarde varchar,
            rij varchar not null
        )""")
