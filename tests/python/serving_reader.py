"""A BI reader in a loop, for test_serving_build.py: ``python serving_reader.py SERVING LOG STOP``.

Until the file STOP exists it reads the publication in SERVING, as BI tools do, and writes one JSON
line per observation to LOG:

- ``fresh``: a new read-only connection to SERVING/zorgspiegel.duckdb; in one transaction the
  publication id and the row count of every table that publication lists; closed again;
- ``held``: the same queries on one connection opened at the start and kept open throughout;
- ``parquet``: SERVING/current resolved once, its manifest, and the rows of every mart's Parquet files;
- ``error``: any exception, with its text.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import duckdb


def counts(con: duckdb.DuckDBPyConnection) -> dict:
    con.execute("begin transaction")
    pub_id = con.execute("select publicatie_id from publicatie").fetchone()[0]
    tables = con.execute("select table_schema, table_name from publicatie_tabellen").fetchall()
    rows = {f"{s}.{t}": con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0] for s, t in tables}
    con.execute("commit")
    return {"id": pub_id, "rijen": rows}


def fresh_counts(database: str) -> dict:
    con = duckdb.connect(database, read_only=True)
    try:
        return counts(con)
    finally:
        con.close()


def parquet_counts(serving: Path) -> dict:
    pinned = Path(os.path.realpath(serving / "current"))  # resolve the pointer once
    manifest = json.loads((pinned / "manifest.json").read_text(encoding="utf-8"))
    rows = {}
    for t in manifest["tabellen"]:
        if t["schema"] == "marts":
            rows[f"marts.{t['tabel']}"] = duckdb.execute(
                f"select count(*) from read_parquet('{pinned / t['parquet']['map']}/**/*.parquet', "
                "hive_partitioning = true)").fetchone()[0]
    return {"id": manifest["publicatie_id"], "rijen": rows}


def main(serving: Path, log: Path, stop: Path) -> None:
    database = str(serving / "zorgspiegel.duckdb")
    held = duckdb.connect(database, read_only=True)
    with log.open("a", encoding="utf-8") as out:
        while not stop.exists():
            for kind, read in (("fresh", lambda: fresh_counts(database)),
                               ("held", lambda: counts(held)), ("parquet", lambda: parquet_counts(serving))):
                try:
                    record = {"kind": kind, "t": time.time(), **read()}
                except Exception as e:  # every error is a finding: the test fails on it
                    record = {"kind": "error", "t": time.time(), "reader": kind, "error": repr(e)}
                out.write(json.dumps(record) + "\n")
                out.flush()
            time.sleep(0.2)  # leave the two cores to the build
    held.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
