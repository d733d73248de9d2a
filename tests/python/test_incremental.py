"""One extra monthly delivery processed the way the monthly run does it (only what depends on the
new claims, data tests restricted to the new deliveries) gives exactly the full rebuild, for every
mart and for the claim lines; and reversals net out against the raw claim lines."""
from __future__ import annotations

import json
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

CLAIMS = "intermediate.int_declaraties__actueel"  # a view: always exactly staging


def dbt(db: Path, *args: str) -> None:
    env = {**os.environ, "ZORGSPIEGEL_DUCKDB": str(db), "DBT_PROFILES_DIR": str(REPO_ROOT)}
    result = subprocess.run([str(Path(sys.executable).parent / "dbt"), *args], cwd=REPO_ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def rows(db: Path, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def compared(db: Path) -> list[str]:
    """Every mart and the current claim lines."""
    marts = [f"marts.{t}" for (t,) in rows(db, "select table_name from information_schema.tables "
                                               "where table_schema = 'marts' order by table_name")]
    return marts + [CLAIMS]


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
    dbt(db, "run")
    before = rows(db, f"select count(*) from {CLAIMS}")[0][0]
    ing = Ingest(db, root / "gx", echo=lambda m: None)
    ing.run(late)
    ing.con.close()
    # The monthly run, as zorgspiegel bench does it (docs/scale.md).
    dbt(db, "build", "--select", "source:zvw_declaraties.declaraties+", "source:ingest+",
        "--exclude-resource-type", "unit_test", "--vars", json.dumps({"nieuwe_declaraties_vanaf": last}))
    names = compared(db)
    with duckdb.connect(str(db)) as con:
        con.execute("create schema if not exists incrementeel")
        for name in names:
            con.execute(f"create table incrementeel.{name.replace('.', '__')} as select * from {name}")
    dbt(db, "run", "--select", "source:zvw_declaraties.declaraties+", "--full-refresh")
    return {"db": db, "before": before, "late": late, "names": names}


def test_the_extra_month_changed_the_claims(warehouse):
    after = rows(warehouse["db"], f"select count(*) from incrementeel.{CLAIMS.replace('.', '__')}")[0][0]
    assert warehouse["late"] and after > warehouse["before"]


def test_incremental_equals_full_rebuild(warehouse):
    db, names = warehouse["db"], warehouse["names"]
    assert len(names) > 10  # every mart is compared
    for name in names:
        kopie = f"incrementeel.{name.replace('.', '__')}"
        assert differing_rows(db, kopie, name) == 0, f"{kopie} differs from the full rebuild {name}"


def differing_rows(db: Path, a: str, b: str) -> int:
    """EXCEPT ALL both ways. DOUBLE columns (the standardised Praktijkspiegel figures) are compared
    within 1e-9 relative, rows matched on the other columns: a double sum differs in its last bits
    with the physical order of its input rows, also between two full builds."""
    schema, table = a.split(".")
    with duckdb.connect(str(db), read_only=True) as con:
        cols = con.execute("select column_name, data_type from information_schema.columns where table_schema = ? "
                           "and table_name = ? order by ordinal_position", [schema, table]).fetchall()
        doubles = [c for c, t in cols if t == "DOUBLE"]
        if not doubles:
            return sum(con.execute(f"select count(*) from (select * from {x} except all select * from {y})").fetchone()[0]
                       for x, y in ((a, b), (b, a)))
        others = [c for c, _ in cols if c not in doubles]
        assert con.execute(f"select count(*) - count(distinct ({', '.join(others)})) from {a}").fetchone()[0] == 0
        on = " and ".join(f"p.{c} is not distinct from q.{c}" for c in others)
        off = " or ".join(f"not (p.{c} is not distinct from q.{c} or abs(p.{c} - q.{c}) <= 1e-9 * greatest(1, abs(p.{c})))"
                          for c in doubles)
        return con.execute(f"select count(*) from {a} as p full join {b} as q on {on} where p.{others[0]} is null "
                           f"and q.{others[0]} is not null or q.{others[0]} is null and p.{others[0]} is not null "
                           f"or ({off})").fetchone()[0]


def test_reversals_net_out(warehouse):
    """Net amount = all D lines minus the D lines some C line reverses (same insurer)."""
    expected = rows(warehouse["db"], """
        select sum(d.bedrag) from raw.zvw_declaraties__declaraties as d
        where d.debet_credit = 'D' and not exists (
            select 1 from raw.zvw_declaraties__declaraties as c
            where c.debet_credit = 'C' and c.uzovi = d.uzovi and c.origineel_regel_id = d.regel_id)""")[0][0]
    actual = rows(warehouse["db"], f"select sum(bedrag) from incrementeel.{CLAIMS.replace('.', '__')}")[0][0]
    reversed_lines = rows(warehouse["db"], "select count(*) from raw.zvw_declaraties__declaraties "
                                           "where debet_credit = 'C'")[0][0]
    assert reversed_lines > 0 and actual == expected
