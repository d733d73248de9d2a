"""`dbt source freshness` on a warehouse with a hand-made delivery log: a source is as fresh as its
stalest expected supplier, so one late insurer makes the claims late; the main job's freshness step
reports late sources without stopping, and stops when a source cannot be checked.

The log is written relative to now (dbt compares with the wall clock); the raw tables stay empty,
because freshness is read from ingest.aanleverlog alone (docs/aanlevermonitor.md).
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click
import duckdb
import pytest

from zorgspiegel.cli import _source_freshness
from zorgspiegel.ingest.warehouse import create_warehouse
from zorgspiegel.paths import REPO_ROOT

NOW = datetime.now(timezone.utc)

# (bron, leverancier, periode, status, days ago the attempt ended)
LOG = [
    # Claims (monthly: warn after 45 days, error after 75): 3311 is on time; 7095's latest month
    # 2024-03 was accepted 100 days ago. A correction of its older month 2024-02 two days ago and
    # a rejected 2024-04 yesterday do not make it fresh -> error.
    ("zvw_declaraties", "3311", "2024-05", "geaccepteerd", 35),
    ("zvw_declaraties", "3311", "2024-06", "geaccepteerd", 5),
    ("zvw_declaraties", "7095", "2024-02", "geaccepteerd", 130),
    ("zvw_declaraties", "7095", "2024-03", "geaccepteerd_met_quarantaine", 100),
    ("zvw_declaraties", "7095", "2024-02", "geaccepteerd", 2),
    ("zvw_declaraties", "7095", "2024-04", "afgewezen", 1),
    # Wlz (monthly): ZK05's latest month arrived 50 days ago -> warn.
    ("wlz_zorg", "ZK01", "2024-06", "geaccepteerd", 8),
    ("wlz_zorg", "ZK05", "2024-05", "geaccepteerd", 50),
    # GGZ (monthly): 73500009 stopped 30 months before the source's latest period, so it is no
    # longer expected; the delivery sent again unchanged today is no delivery -> pass.
    ("ggz_wachttijden", "73500001", "2024-06", "geaccepteerd", 9),
    ("ggz_wachttijden", "73500009", "2021-12", "geaccepteerd", 900),
    ("ggz_wachttijden", "73500001", "2024-06", "overgeslagen", 0),
    # Verzekerden (yearly: warn after 400 days, error after 460): both insurers' 2023 arrived
    # 200 days ago -> pass.
    ("zvw_verzekerden", "3311", "2023", "geaccepteerd", 200),
    ("zvw_verzekerden", "7095", "2023", "geaccepteerd", 199),
    # Jeugdwet (yearly): GM0014 sent 2023 on time; GM0034's 2022 was accepted 500 days ago and its
    # 2023 was rejected -> error.
    ("jeugdwet_trajecten", "GM0014", "2023", "geaccepteerd", 100),
    ("jeugdwet_trajecten", "GM0034", "2022", "geaccepteerd", 500),
    ("jeugdwet_trajecten", "GM0034", "2023", "afgewezen", 10),
    ("wmo_voorzieningen", "CBS", "2023", "geaccepteerd", 100),
    # agb_register: no delivery at all -> error ("never delivered").
]

EXPECTED = {
    "zvw_declaraties.declaraties": "error",
    "wlz_zorg.wlz_zorg": "warn",
    "ggz_wachttijden.ggz_wachttijden": "pass",
    "zvw_verzekerden.verzekerden": "pass",
    "jeugdwet_trajecten.jeugdwet_trajecten": "error",
    "wmo_voorzieningen.wmo_voorzieningen": "pass",
    **{f"agb_register.{t}": "error" for t in ("zorgverleners", "ondernemingen", "vestigingen", "werkrelaties",
                                              "kwalificaties")},
    "ingest.aanleverlog": "pass",
    "ingest.quarantaine": "pass",
}


def _warehouse(db: Path) -> None:
    with duckdb.connect(str(db)) as con:
        create_warehouse(con)
        for bron, leverancier, periode, status, days in LOG:
            ended = NOW - timedelta(days=days)
            loaded = 0 if status in ("afgewezen", "overgeslagen") else 10
            con.execute(
                "insert into ingest.aanleverlog values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, 0, '{}', '[]', ?, ?, ?)",
                [str(uuid.uuid4()), f"{bron}-{leverancier}-{periode}-001", bron, leverancier, periode,
                 f"/in/{bron}", status, loaded, loaded, ended, ended - timedelta(minutes=1), ended])


@pytest.fixture(scope="module")
def freshness(tmp_path_factory):
    db = tmp_path_factory.mktemp("freshness") / "warehouse.duckdb"
    _warehouse(db)
    return db


def test_a_late_supplier_makes_its_source_late_and_the_job_goes_on(freshness, capsys):
    _source_freshness(freshness)  # stale sources are reported, not raised
    results = json.loads((REPO_ROOT / "target" / "sources.json").read_text())["results"]
    status = {r["unique_id"].removeprefix("source.zorgspiegel."): r["status"] for r in results}
    assert status == EXPECTED
    ages = {r["unique_id"].removeprefix("source.zorgspiegel."): r["max_loaded_at_time_ago_in_s"] / 86400
            for r in results}
    # The claims are as old as 7095's latest month (100 days), not as 3311's or 7095's correction.
    assert ages["zvw_declaraties.declaraties"] == pytest.approx(100, abs=0.1)
    assert ages["wlz_zorg.wlz_zorg"] == pytest.approx(50, abs=0.1)
    assert ages["ggz_wachttijden.ggz_wachttijden"] == pytest.approx(9, abs=0.1)
    assert ages["jeugdwet_trajecten.jeugdwet_trajecten"] == pytest.approx(500, abs=0.1)
    out = capsys.readouterr().out
    assert "late (error): zvw_declaraties.declaraties: 100 days" in out
    assert "late (warn): wlz_zorg.wlz_zorg: 50 days" in out
    assert "late (error): agb_register.zorgverleners: never delivered" in out
    assert "ggz_wachttijden" not in out.split("Source freshness:")[1]


def test_a_source_that_cannot_be_checked_stops_the_job(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    _warehouse(db)
    with duckdb.connect(str(db)) as con:
        con.execute("drop table ingest.aanleverlog")
    with pytest.raises(click.ClickException, match="could not check 13 sources"):
        _source_freshness(db)
