"""int_declaraties__actueel: one extra monthly delivery processed incrementally gives exactly the
full rebuild, and reversals net out against the raw claim lines."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from zorgspiegel.deliveries import find_deliveries
from zorgspiegel.generator.generate import GenerateConfig, generate
from zorgspiegel.ingest.run import Ingest
from zorgspiegel.paths import REPO_ROOT

MODEL = "int_declaraties__actueel"


def dbt(db: Path, *args: str) -> None:
    env = {**os.environ, "ZORGSPIEGEL_DUCKDB": str(db), "DBT_PROFILES_DIR": str(REPO_ROOT)}
    result = subprocess.run([str(Path(sys.executable).parent / "dbt"), *args], cwd=REPO_ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def rows(db: Path, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    out = root / "deliveries"
    generate(GenerateConfig(scale=0.0005, years=[2022, 2023], seed=9, out=out), progress=lambda m: None)
    claims = find_deliveries(out, "zvw_declaraties")
    last = max(d.manifest["periode"] for d in claims)
    late = [d.folder for d in claims if d.manifest["periode"] == last]
    early = [d.folder for d in find_deliveries(out) if d.folder not in late]
    db = root / "warehouse.duckdb"
    ing = Ingest(db, root / "gx", echo=lambda m: None)
    ing.run(early)
    ing.con.close()
    dbt(db, "seed")
    dbt(db, "run", "--select", f"+{MODEL}")
    before = rows(db, f"select count(*) from intermediate.{MODEL}")[0][0]
    ing = Ingest(db, root / "gx", echo=lambda m: None)
    ing.run(late)
    ing.con.close()
    dbt(db, "run", "--select", MODEL)  # incremental
    with duckdb.connect(str(db)) as con:
        con.execute(f"create table main.incrementeel as select * from intermediate.{MODEL}")
    dbt(db, "run", "--select", MODEL, "--full-refresh")
    return {"db": db, "before": before, "late": late}


def test_the_extra_month_changed_the_table(warehouse):
    after = rows(warehouse["db"], "select count(*) from main.incrementeel")[0][0]
    assert warehouse["late"] and after > warehouse["before"]


def test_incremental_equals_full_rebuild(warehouse):
    db = warehouse["db"]
    assert rows(db, f"select count(*) from (select * from main.incrementeel except all "
                    f"select * from intermediate.{MODEL})") == [(0,)]
    assert rows(db, f"select count(*) from (select * from intermediate.{MODEL} except all "
                    f"select * from main.incrementeel)") == [(0,)]


def test_reversals_net_out(warehouse):
    """Net amount = all D lines minus the D lines some C line reverses (same insurer)."""
    expected = rows(warehouse["db"], """
        select sum(d.bedrag) from raw.zvw_declaraties__declaraties as d
        where d.debet_credit = 'D' and not exists (
            select 1 from raw.zvw_declaraties__declaraties as c
            where c.debet_credit = 'C' and c.uzovi = d.uzovi and c.origineel_regel_id = d.regel_id)""")[0][0]
    actual = rows(warehouse["db"], "select sum(bedrag) from main.incrementeel")[0][0]
    reversed_lines = rows(warehouse["db"], "select count(*) from raw.zvw_declaraties__declaraties "
                                           "where debet_credit = 'C'")[0][0]
    assert reversed_lines > 0 and actual == expected
