"""BI readers during a full build: `zorgspiegel run` (scale 0.0005, 2023: generate, ingest, dbt
build, publish) while a reader process (serving_reader.py) queries the serving folder in a loop,
read-only, from the DuckDB file (a fresh connection per round, and one held open throughout) and
from the Parquet files. The serving folder starts with an older publication made from a hand-made
warehouse, so the two differ in every table.

The reader must never get an error, must never block the build, and must see per observation
exactly one publication: the row counts it saw equal the manifest of the publication id it read in
the same transaction. Then a run whose dbt build fails (dbt's memory limit set to 1 MB through
ZORGSPIEGEL_DUCKDB_MEMORY, profiles.yml) must leave that publication in place.

The same publication then serves the BI checks: SQLAlchemy + duckdb_engine read every mart, the
Parquet files and the warehouse give the manifest's checksums, and every query of docs/bi.md runs."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

import duckdb
import pytest
from conftest import SUMMARY
from warehouse_stub import add_reference_tables

from zorgspiegel import serving
from zorgspiegel.paths import REPO_ROOT
from zorgspiegel.serving import publish

READER = Path(__file__).with_name("serving_reader.py")
RUN = ["--scale", "0.0005", "--years", "2023", "--seed", "5", "--no-docs"]


def _old_warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    add_reference_tables(con)
    con.execute("create table marts.huisartsenzorg__regio_jaar as select 2000 as jaar, 'oud' as regio_code")
    con.close()
    return path


def _zorgspiegel(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "zorgspiegel"
    return subprocess.run([str(exe), *args], cwd=REPO_ROOT, capture_output=True, text=True,
                          env={**os.environ, "GX_ANALYTICS_ENABLED": "false", **(env or {})})


def _state(serving_dir: Path) -> dict:
    return {"current": os.readlink(serving_dir / "current"),
            "publications": sorted(p.name for p in (serving_dir / "publications").iterdir()),
            "manifest": (serving_dir / "manifest.json").read_bytes()}


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("servingbuild")
    serving_dir, log, stop = root / "serving", root / "reader.jsonl", root / "stop"
    old = publish(_old_warehouse(root / "old.duckdb"), serving_dir)
    reader = subprocess.Popen([sys.executable, str(READER), str(serving_dir), str(log), str(stop)])
    try:
        while not (log.exists() and log.read_text().count("\n") >= 3):  # the reader is reading
            assert reader.poll() is None, "the reader stopped"
            time.sleep(0.1)
        t0 = time.time()
        run = _zorgspiegel("run", *RUN, "--out", str(root / "deliveries"), "--db", str(root / "wh.duckdb"),
                           "--publish-to", str(serving_dir))
        seconds = time.time() - t0
        time.sleep(2)  # a few rounds on the new publication
    finally:
        stop.touch()
        reader_exit = reader.wait(timeout=120)
    before = _state(serving_dir)
    failed = _zorgspiegel("run", *RUN, "--out", str(root / "deliveries"), "--db", str(root / "wh.duckdb"),
                          "--publish-to", str(serving_dir), env={"ZORGSPIEGEL_DUCKDB_MEMORY": "1MB"})
    observations = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return {"root": root, "serving": serving_dir, "old": old.id, "run": run, "seconds": seconds,
            "reader_exit": reader_exit, "observations": observations, "before": before, "failed": failed,
            "after": _state(serving_dir)}


def _manifests(serving_dir: Path) -> dict[str, dict]:
    """publication id -> {schema.table: rows}, for every publication in the folder."""
    out = {}
    for path in (serving_dir / "publications").glob("*/manifest.json"):
        m = json.loads(path.read_text(encoding="utf-8"))
        out[m["publicatie_id"]] = {f"{t['schema']}.{t['tabel']}": t["rijen"] for t in m["tabellen"]}
    return out


def test_build_passes_while_readers_hold_the_serving_file(build, request):
    assert build["run"].returncode == 0, build["run"].stdout[-3000:] + build["run"].stderr[-3000:]
    new = os.readlink(build["serving"] / "current").split("/")[-1]
    assert new != build["old"] and f"as {new}" in build["run"].stdout
    seen = {kind: sum(o["kind"] == kind for o in build["observations"]) for kind in ("fresh", "held", "parquet")}
    request.config.stash.setdefault(SUMMARY, []).append(
        f"serving: zorgspiegel run took {build['seconds']:.0f} s with a reader; observations {seen}")


def test_readers_never_get_an_error(build):
    errors = [o for o in build["observations"] if o["kind"] == "error"]
    assert not errors, errors[:5]
    assert build["reader_exit"] == 0


def test_readers_see_the_old_or_the_new_publication_never_a_mix(build):
    manifests = _manifests(build["serving"])
    new = os.readlink(build["serving"] / "current").split("/")[-1]
    assert set(manifests) == {build["old"], new}
    by_kind: dict[str, list[str]] = {}
    for o in build["observations"]:
        assert o["rijen"] == {k: v for k, v in manifests[o["id"]].items() if k in o["rijen"]}, o
        if o["kind"] != "parquet":  # the DuckDB readers count every table the publication lists
            assert set(o["rijen"]) == set(manifests[o["id"]]), o
        by_kind.setdefault(o["kind"], []).append(o["id"])
    for kind in ("fresh", "parquet"):  # first the old, then the new, never back
        ids = by_kind[kind]
        switch = ids.index(new)
        assert ids[:switch] == [build["old"]] * switch and ids[switch:] == [new] * (len(ids) - switch), kind
        assert switch > 0
    assert set(by_kind["held"]) == {build["old"]}  # a connection stays on its publication


def test_a_failed_build_leaves_the_previous_publication(build):
    failed = build["failed"]
    assert failed.returncode != 0
    assert "dbt build failed" in failed.stderr, failed.stderr[-2000:]
    assert "Published" not in failed.stdout
    assert build["after"] == build["before"]


def test_sqlalchemy_reads_every_mart(build):
    """As a BI tool connects: SQLAlchemy with duckdb_engine, read-only URL, reflected tables."""
    import sqlalchemy as sa

    database = build["serving"] / "zorgspiegel.duckdb"
    engine = sa.create_engine(f"duckdb:///{database}?access_mode=read_only")
    warehouse = duckdb.connect(str(build["root"] / "wh.duckdb"), read_only=True)
    marts = serving.warehouse_tables(warehouse, "marts")
    expected = {t: warehouse.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in marts}
    warehouse.close()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="duckdb-engine doesn't yet support reflection on indices")
        with engine.connect() as con:
            assert sorted(sa.inspect(con).get_table_names(schema="marts")) == sorted(marts)
            seen = {}
            for t in marts:
                table = sa.Table(t, sa.MetaData(), schema="marts", autoload_with=con)
                seen[t] = len(con.execute(sa.select(table)).fetchall())
    engine.dispose()
    assert seen == expected
    assert sum(seen.values()) > 0 and len(marts) >= 16


def test_parquet_and_warehouse_give_the_manifest_checksums(build):
    pinned = Path(os.path.realpath(build["serving"] / "current"))
    manifest = json.loads((pinned / "manifest.json").read_text(encoding="utf-8"))
    warehouse = duckdb.connect(str(build["root"] / "wh.duckdb"), read_only=True)
    for t in manifest["tabellen"]:
        source = f"read_parquet('{pinned / t['parquet']['map']}/**/*.parquet', hive_partitioning = true)"
        assert serving.checksum(warehouse, source, t["kolommen"]) == t["checksum"], t["tabel"]
        assert serving.checksum(warehouse, f"{t['schema']}.{t['tabel']}", t["kolommen"]) == t["checksum"]
    warehouse.close()


def test_every_query_in_docs_bi_runs(build):
    """The ```sql blocks of docs/bi.md, on the serving file (paths build/serving/... point here)."""
    text = (REPO_ROOT / "docs" / "bi.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", text, flags=re.S)
    assert len(queries) >= 6
    con = duckdb.connect(str(build["serving"] / "zorgspiegel.duckdb"), read_only=True)
    pinned = os.path.realpath(build["serving"] / "current")
    for sql in queries:
        sql = sql.replace("build/serving/current", pinned).replace("build/serving", str(build["serving"]))
        for statement in filter(str.strip, sql.split(";")):
            con.execute(statement).fetchall()
    con.close()
