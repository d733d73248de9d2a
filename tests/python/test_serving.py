"""Serving publications (scripts/zorgspiegel/serving.py, `zorgspiegel publish`) on a hand-made
warehouse: marts with and without jaar (one of them empty), and the reference tables. What a reader
sees during a real build: test_serving_build.py."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from warehouse_stub import add_reference_tables

from zorgspiegel import serving
from zorgspiegel.cli import main
from zorgspiegel.paths import REPO_ROOT
from zorgspiegel.serving import PublishError, publish

MARTS = {"a__jaar": 6, "a__zonder_jaar": 3, "b__leeg": 0}


def _warehouse(path: Path, reverse: bool = False, change: bool = False) -> Path:
    """``reverse`` inserts the same rows in the opposite order; ``change`` alters one value."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    add_reference_tables(con)
    rows = [(2021 + i % 3, f"GM000{i % 3 + 1}", i * 1.25, None if i == 4 else f"t{i}") for i in range(6)]
    if change:
        rows[2] = (*rows[2][:2], 99.5, rows[2][3])
    con.execute("create table marts.a__jaar (jaar integer, gemeentecode varchar, kosten decimal(18, 2), "
                "tekst varchar)")
    con.executemany("insert into marts.a__jaar values (?, ?, ?, ?)", rows[::-1] if reverse else rows)
    con.execute("create table marts.a__zonder_jaar as select range::integer as k, range * 0.5 as v from range(3)")
    con.execute("create table marts.b__leeg (jaar integer, x varchar)")
    con.close()
    return path


@pytest.fixture
def warehouse(tmp_path) -> Path:
    return _warehouse(tmp_path / "wh.duckdb")


def _ids(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "publications").iterdir())


def test_publicatie_bevat_elke_mart_en_de_referentietabellen(warehouse, tmp_path):
    pub = publish(warehouse, tmp_path / "serving")
    folder = tmp_path / "serving"
    assert (folder / "current").resolve() == pub.path and _ids(folder) == [pub.id]
    for name in ("zorgspiegel.duckdb", "manifest.json", "parquet"):  # stable paths, through current
        assert os.readlink(folder / name) == f"current/{name}"
    con = duckdb.connect(str(folder / "zorgspiegel.duckdb"), read_only=True)
    tables = set(con.execute("select table_schema, table_name from information_schema.tables").fetchall())
    counts = {t: con.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in MARTS}
    meta = con.execute("select publicatie_id, tenant_code from publicatie").fetchall()
    listed = dict(con.execute("select table_name, rijen from publicatie_tabellen where table_schema = 'marts'")
                  .fetchall())
    con.close()
    reference = {("reference", t) for t in (*serving.REGION_TABLES, *serving.code_lists())}
    assert tables == {("marts", t) for t in MARTS} | reference | {("main", "publicatie"),
                                                                  ("main", "publicatie_tabellen")}
    assert counts == listed == MARTS
    assert meta == [(pub.id, None)]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True).stdout.strip()
    assert manifest["publicatie_id"] == pub.id and manifest["git_commit"] == (head or None)
    assert manifest["gebouwd_op"] == time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(warehouse.stat().st_mtime)))
    assert {t["tabel"]: t["rijen"] for t in manifest["tabellen"] if t["schema"] == "marts"} == MARTS


def test_parquet_per_tabel_op_jaar_gepartitioneerd(warehouse, tmp_path):
    pub = publish(warehouse, tmp_path / "s")
    entries = {t["tabel"]: t["parquet"] for t in pub.tables}
    assert entries["a__jaar"]["partitie"] == "jaar"
    assert [f["pad"] for f in entries["a__jaar"]["bestanden"]] == [
        f"parquet/marts/a__jaar/jaar={j}/data_0.parquet" for j in (2021, 2022, 2023)]
    assert [f["pad"] for f in entries["a__zonder_jaar"]["bestanden"]] == ["parquet/marts/a__zonder_jaar/data_0.parquet"]
    # An empty mart still has a file, with its columns (jaar among them).
    assert entries["b__leeg"]["partitie"] is None
    cols = duckdb.execute(f"describe select * from read_parquet('{pub.path}/parquet/marts/b__leeg/**/*.parquet', "
                          "hive_partitioning = true)").fetchall()
    assert [c[0] for c in cols] == ["jaar", "x"]


def test_checksum_reproduceerbaar_ongeacht_volgorde_en_gelijk_over_parquet(tmp_path):
    first = publish(_warehouse(tmp_path / "a.duckdb"), tmp_path / "a")
    again = publish(tmp_path / "a.duckdb", tmp_path / "a")
    reversed_ = publish(_warehouse(tmp_path / "b.duckdb", reverse=True), tmp_path / "b")
    changed = publish(_warehouse(tmp_path / "c.duckdb", change=True), tmp_path / "c")

    def sums(pub):
        return {t["tabel"]: t["checksum"] for t in pub.tables}

    assert sums(first) == sums(again) == sums(reversed_)
    assert sums(changed)["a__jaar"] != sums(first)["a__jaar"]
    assert sums(changed)["a__zonder_jaar"] == sums(first)["a__zonder_jaar"]
    # The documented recipe over the Parquet files gives the manifest's checksum.
    con = duckdb.connect()
    for t in first.tables:
        source = f"read_parquet('{first.path}/{t['parquet']['map']}/**/*.parquet', hive_partitioning = true)"
        assert serving.checksum(con, source, t["kolommen"]) == t["checksum"], t["tabel"]


def test_oude_publicaties_worden_opgeruimd_na_de_wachttijd(warehouse, tmp_path):
    folder = tmp_path / "s"
    pubs = [publish(warehouse, folder, keep=2, grace_seconds=3600) for _ in range(3)]
    assert _ids(folder) == [p.id for p in pubs]  # replaced less than the grace period ago: all kept
    latest = publish(warehouse, folder, keep=2, grace_seconds=0)
    assert _ids(folder) == [pubs[-1].id, latest.id] and latest.removed == [pubs[0].id, pubs[1].id]
    assert (folder / "current").resolve() == latest.path
    with pytest.raises(ValueError, match="keep at least 2"):
        publish(warehouse, folder, keep=1)


def test_lezer_met_open_bestand_leest_door_na_vervangen_en_opruimen(warehouse, tmp_path):
    """Measured DuckDB behaviour the design rests on: a read-only connection keeps reading its file
    after the publication was replaced and its folder removed; a new connection sees the new one."""
    folder = tmp_path / "s"
    old = publish(warehouse, folder)
    reader = duckdb.connect(str(folder / "zorgspiegel.duckdb"), read_only=True)
    assert reader.execute("select publicatie_id from publicatie").fetchone()[0] == old.id
    for _ in range(3):
        new = publish(warehouse, folder, keep=2, grace_seconds=0)
    assert not old.path.exists()
    assert reader.execute("select count(*), sum(kosten) from marts.a__jaar").fetchone() == (6, 18.75)
    assert reader.execute("select publicatie_id from publicatie").fetchone()[0] == old.id
    fresh = duckdb.connect(str(folder / "zorgspiegel.duckdb"), read_only=True)
    assert fresh.execute("select publicatie_id from publicatie").fetchone()[0] == new.id
    reader.close()
    fresh.close()


def test_mislukte_publicatie_laat_de_vorige_staan(warehouse, tmp_path, monkeypatch):
    folder = tmp_path / "s"
    old = publish(warehouse, folder)
    manifest = (folder / "manifest.json").read_bytes()

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(serving, "_parquet", broken)
    with pytest.raises(OSError, match="disk full"):
        publish(warehouse, folder)
    assert (folder / "current").resolve() == old.path and _ids(folder) == [old.id]  # no .tmp left either
    assert (folder / "manifest.json").read_bytes() == manifest


def test_weigert_een_vreemde_map_en_een_tweede_schrijver(warehouse, tmp_path):
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "notities.txt").write_text("x")
    with pytest.raises(PublishError, match="neither empty nor a publication folder"):
        publish(warehouse, tmp_path / "vol")
    folder = tmp_path / "s"
    publish(warehouse, folder)
    with serving._lock(folder):  # another publisher is writing
        with pytest.raises(PublishError, match="another publication into .* is being written"):
            publish(warehouse, folder)


def test_ontbrekende_referentietabel_wordt_genoemd(warehouse, tmp_path):
    con = duckdb.connect(str(warehouse))
    con.execute("drop table reference.zorgstromen")
    con.close()
    with pytest.raises(PublishError, match="lacks reference.zorgstromen") as e:
        publish(warehouse, tmp_path / "s")
    assert e.value.parameter == "db" and not (tmp_path / "s").exists()


def test_warehouse_in_gebruik_door_een_build(warehouse, tmp_path):
    """While a writer (dbt) holds the warehouse, publishing fails with a clear error and writes nothing."""
    ready = tmp_path / "ready"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, pathlib, time, sys\n"
        f"con = duckdb.connect({str(warehouse)!r})\n"
        f"pathlib.Path({str(ready)!r}).touch()\n"
        "sys.stdin.read()\n")], stdin=subprocess.PIPE)
    try:
        for _ in range(200):
            if ready.exists():
                break
            time.sleep(0.05)
        with pytest.raises(PublishError, match="is a build running"):
            publish(warehouse, tmp_path / "s")
    finally:
        holder.communicate(b"")
    assert not (tmp_path / "s").exists()


def test_cli(warehouse, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["publish", "--db", str(warehouse), "--to", str(tmp_path / "s")])
    assert ok.exit_code == 0, ok.output
    assert f"DuckDB:   {tmp_path / 's' / 'zorgspiegel.duckdb'}" in ok.output and "3 tables" not in ok.output
    default = runner.invoke(main, ["publish", "--db", str(warehouse)])
    assert default.exit_code == 0 and (tmp_path / "serving" / "current").is_symlink()  # beside the warehouse
    missing = runner.invoke(main, ["publish", "--db", str(tmp_path / "nee.duckdb")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
