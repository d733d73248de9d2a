"""The Spark engine: the raw layer of a DuckDB warehouse as Parquet for Spark, and dbt on Spark.

The ingest writes DuckDB (scripts/zorgspiegel/ingest). To run the same dbt models on Spark, the
landing zone (schemas raw and ingest) is exported to Parquet, one folder per table
(<out>/<schema>/<table>/part-0.parquet), and registered in Spark's metastore as tables over those
folders by the dbt operation register_parquet_sources, under the names the sources declare. Needs
`make spark` (dbt-spark, pyspark; Java 17). See docs/scale.md.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterable

from .paths import REPO_ROOT

LANDING_SCHEMAS = ("raw", "ingest")


def export_landing_zone(db: Path, out: Path, without: Iterable[str] = ()) -> dict[str, int]:
    """Write every table of the raw and ingest schemas to <out>/<schema>/<table>/part-0.parquet;
    returns rows per schema.table. Replaces an earlier export. `without`: aanlevering_ids to leave
    out (the warehouse as it was before those deliveries, e.g. to test an incremental build)."""
    import duckdb

    rows = {}
    without = sorted(without)
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("select table_schema, table_name from information_schema.tables where table_schema in "
                             f"({', '.join('?' for _ in LANDING_SCHEMAS)}) order by 1, 2",
                             list(LANDING_SCHEMAS)).fetchall()
        for schema, table in tables:
            folder = out / schema / table
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            query = f"select * from {schema}.{table}"
            if without:
                query += f" where aanlevering_id is null or aanlevering_id not in ({', '.join('?' for _ in without)})"
            con.execute(f"copy ({query}) to '{folder / 'part-0.parquet'}' (format parquet)", list(without))
            rows[f"{schema}.{table}"] = con.execute(f"select count(*) from ({query})", list(without)).fetchone()[0]
    return rows


def spark_env(spark_dir: Path) -> dict:
    return {**os.environ, "ZORGSPIEGEL_SPARK_DIR": str(spark_dir.resolve()), "SPARK_LOCAL_IP": "127.0.0.1",
            "DBT_PROFILES_DIR": str(REPO_ROOT), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}


def dbt_spark(args: list[str], spark_dir: Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """dbt <args> --target spark with the metastore and tables under spark_dir (one process at a time)."""
    dbt = Path(sys.executable).parent / "dbt"
    return subprocess.run([str(dbt), *args, "--target", "spark"], cwd=REPO_ROOT,
                          env={**spark_env(spark_dir), **(env or {})}, **kwargs)


def register(parquet_dir: Path, spark_dir: Path, **kwargs) -> subprocess.CompletedProcess:
    """Register the exported landing zone as Spark tables (dbt operation register_parquet_sources)."""
    return dbt_spark(["run-operation", "register_parquet_sources", "--args",
                      f"{{path: '{parquet_dir.resolve()}'}}"], spark_dir, **kwargs)
