"""The same dbt project on Spark gives the same marts as on DuckDB, row for row.

One tiny data set is ingested into DuckDB and built there (`dbt build`, every model and test).
Its landing zone is exported to Parquet and registered on a local Spark session
(`zorgspiegel spark-raw`), then Spark builds the project in two steps, so the per-adapter
incremental strategy runs too: first everything up to the incremental models without the last
month of claims, then that month is added and `dbt build` runs every model and data test. Every
model in models/marts (from the manifest, whatever marts exist) and every incremental model is then
compared with DuckDB's table: same columns, same rows (sorted, numbers with a tolerance).

Needs `make spark` (dbt-spark, pyspark, Java 17); skipped otherwise. Not part of `make test`:
run `make spark-test` (about 10-15 minutes on 2 cores; docs/scale.md).
"""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark", reason="Spark is not installed: run `make spark` (see docs/scale.md)")
pytest.importorskip("dbt.adapters.spark", reason="dbt-spark is not installed: run `make spark`")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 or later on PATH", allow_module_level=True)

from zorgspiegel.deliveries import find_deliveries  # noqa: E402
from zorgspiegel.generator.generate import GenerateConfig, generate  # noqa: E402
from zorgspiegel.ingest.run import Ingest  # noqa: E402
from zorgspiegel.paths import REPO_ROOT  # noqa: E402
from zorgspiegel.spark import dbt_spark, export_landing_zone, register  # noqa: E402

from conftest import SUMMARY  # noqa: E402

pytestmark = pytest.mark.spark

SCALE, YEARS, SEED = 0.0005, [2022, 2023], 3
REL_TOL, ABS_TOL = 1e-9, 1e-6


def _run(cmd: list[str], env: dict, log: Path) -> float:
    t0 = time.perf_counter()
    result = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    log.write_text(result.stdout + result.stderr)
    assert result.returncode == 0, f"{' '.join(cmd[1:])} failed, log {log}:\n{result.stdout[-4000:]}"
    return time.perf_counter() - t0


def _spark(args: list[str], spark_dir: Path, target: Path, log: Path) -> float:
    t0 = time.perf_counter()
    result = dbt_spark([*args, "--target-path", str(target)], spark_dir, capture_output=True, text=True)
    log.write_text(result.stdout + result.stderr)
    assert result.returncode == 0, f"dbt {' '.join(args)} on Spark failed, log {log}:\n{result.stdout[-4000:]}"
    return time.perf_counter() - t0


@pytest.fixture(scope="module")
def engines(tmp_path_factory, request):
    root = tmp_path_factory.mktemp("spark_parity")
    out = root / "deliveries"
    generate(GenerateConfig(scale=SCALE, years=YEARS, seed=SEED, out=out), progress=lambda m: None)
    claims = find_deliveries(out, "zvw_declaraties")
    last = max(d.manifest["periode"] for d in claims)
    late_ids = [d.id for d in claims if d.manifest["periode"] == last]

    # DuckDB: everything ingested, one full build.
    db = root / "warehouse.duckdb"
    ing = Ingest(db, root / "gx", echo=lambda m: None)
    ing.run([out])
    ing.con.close()
    duck_target = root / "target-duckdb"
    env = {**os.environ, "ZORGSPIEGEL_DUCKDB": str(db), "DBT_PROFILES_DIR": str(REPO_ROOT),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    dbt = str(Path(sys.executable).parent / "dbt")
    duckdb_s = _run([dbt, "build", "--target-path", str(duck_target)], env, root / "duckdb-build.log")

    # Spark: the landing zone without the last claims month, up to the incremental models; then
    # with it, the whole build (the incremental models add the month with their Spark strategy).
    manifest = json.loads((duck_target / "manifest.json").read_text())
    incremental = sorted(n["name"] for n in manifest["nodes"].values()
                         if n["resource_type"] == "model" and n["config"]["materialized"] == "incremental")
    spark_dir, landing, spark_target = root / "spark", root / "landing", root / "target-spark"
    export_landing_zone(db, landing, without=late_ids)
    reg = register(landing, spark_dir, capture_output=True, text=True)
    assert reg.returncode == 0, reg.stdout[-4000:]
    t0 = time.perf_counter()
    _spark(["seed"], spark_dir, spark_target, root / "spark-seed.log")
    if incremental:  # none since int_declaraties__actueel became a view; the two steps stay for the next one
        _spark(["run", "--select", *[f"+{m}" for m in incremental]], spark_dir, spark_target,
               root / "spark-run-1.log")
    first_s = time.perf_counter() - t0
    export_landing_zone(db, landing)  # the same folders: the registered tables now see every delivery
    spark_build_s = _spark(["build", "--exclude-resource-type", "seed"], spark_dir, spark_target,
                           root / "spark-build.log")
    timings = {"scale": SCALE, "years": f"{YEARS[0]}-{YEARS[-1]}", "duckdb_build_s": round(duckdb_s, 1),
               "spark_seed_and_first_run_s": round(first_s, 1), "spark_build_s": round(spark_build_s, 1)}
    _report(timings, request)
    return {"db": db, "manifest": manifest, "spark_dir": spark_dir, "incremental": incremental,
            "spark_results": json.loads((spark_target / "run_results.json").read_text()), "timings": timings}


def _report(t: dict, request) -> None:
    """Print DuckDB vs Spark build time at the same scale and keep it in build/bench (not a test)."""
    out = REPO_ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"spark-parity-{datetime.now():%Y%m%dT%H%M%S}.json").write_text(json.dumps(t, indent=2) + "\n")
    line = (f"Spark parity, scale {t['scale']:g}, years {t['years']}: dbt build on DuckDB {t['duckdb_build_s']:.0f} s, on Spark "
            f"{t['spark_build_s']:.0f} s (plus {t['spark_seed_and_first_run_s']:.0f} s of seeds and the first run)")
    request.config.stash.setdefault(SUMMARY, []).append(line)  # printed at the end (conftest.py)


def _compared_models(manifest: dict) -> list[dict]:
    return sorted((n for n in manifest["nodes"].values() if n["resource_type"] == "model" and (
        n["original_file_path"].startswith("models/marts/") or n["config"]["materialized"] == "incremental")),
        key=lambda n: n["name"])


def _norm(v):
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float, Decimal)):
        return float(v)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return str(v)


def _sort_key(row: tuple) -> tuple:
    return tuple((0, "") if v is None else (1, f"{v:.6f}" if isinstance(v, float) else str(v)) for v in row)


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)
    return a == b


def _spark_rows(spark_dir: Path, schema: str, name: str, columns: list[str]) -> list[tuple]:
    folder = spark_dir / "warehouse" / f"{schema}.db" / name
    assert folder.is_dir(), f"Spark table {schema}.{name} not found at {folder}"
    with duckdb.connect() as con:
        rel = con.sql(f"select {', '.join(columns)} from read_parquet('{folder}/**/*.parquet', "
                      "hive_partitioning = true, hive_types_autocast = false)")
        return rel.fetchall()


def test_spark_built_every_model_and_passed_every_data_test(engines):
    results = engines["spark_results"]["results"]
    failed = [(r["unique_id"], r["status"], (r.get("message") or "")[:200]) for r in results
              if r["status"] not in ("success", "pass") and not r["unique_id"].startswith("exposure.")]
    built = {r["unique_id"] for r in results if r["unique_id"].startswith("model.")}
    models = {k for k, n in engines["manifest"]["nodes"].items() if n["resource_type"] == "model"}
    assert not failed, failed
    assert built == models


def test_every_mart_equals_duckdb_row_for_row(engines):
    models = _compared_models(engines["manifest"])
    assert any(m["original_file_path"].startswith("models/marts/") for m in models)
    problems, compared = [], 0
    with duckdb.connect(str(engines["db"]), read_only=True) as con:
        for node in models:
            schema, name = node["schema"], node["alias"] or node["name"]
            columns = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
                "order by ordinal_position", [schema, name]).fetchall()]
            duck = sorted((tuple(map(_norm, r)) for r in con.execute(f"select * from {schema}.{name}").fetchall()),
                          key=_sort_key)
            spark = sorted((tuple(map(_norm, r)) for r in _spark_rows(engines["spark_dir"], schema, name, columns)),
                           key=_sort_key)
            compared += len(duck)
            if len(duck) != len(spark):
                problems.append(f"{schema}.{name}: {len(duck)} rows on DuckDB, {len(spark)} on Spark")
                continue
            diffs = [(i, d, s) for i, (d, s) in enumerate(zip(duck, spark))
                     if not all(_same(a, b) for a, b in zip(d, s))]
            if diffs:
                i, d, s = diffs[0]
                cols = [f"{c}: duckdb {a!r} spark {b!r}" for c, a, b in zip(columns, d, s) if not _same(a, b)]
                problems.append(f"{schema}.{name}: {len(diffs)} of {len(duck)} rows differ; first (sorted row {i}): "
                                + "; ".join(cols))
    assert not problems, "\n".join(problems)
    assert compared > 0, "the marts are empty on both engines: nothing was compared"
