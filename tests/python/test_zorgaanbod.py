"""Dashboard Zorgaanbod on the command line (scripts/zorgspiegel/zorgaanbod.py and `zorgspiegel
zorgaanbod`), on a small hand-made warehouse: schema marts with table zorgaanbod__gemeente as the
dbt model makes it (same columns and types), without running dbt."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from zorgspiegel.cli import main
from zorgspiegel.zorgaanbod import ZorgaanbodInputError, compare, export_csv

GEMEENTEN = {"GM0014": "Groningen", "GM0034": "Almere", "GM0363": "Amsterdam"}
SPECIALISMEN = {"huisartsenzorg": ["huisarts", "waarnemend huisarts", "(alle)"], "farmacie": ["apotheker", "(alle)"]}
PEILDATA = [dt.date(2022, 12, 31), dt.date(2023, 12, 31)]
# (peildatum, gemeentecode or None for nederland, zorgsoort, zorgspecialisme) -> (vestigingen, zorgverleners);
# every other row of the grid is 0 / 0. Nationally z2 works in Groningen and Amsterdam: counted once.
TELLINGEN = {
    (PEILDATA[1], "GM0014", "huisartsenzorg", "huisarts"): (2, 3),
    (PEILDATA[1], "GM0014", "huisartsenzorg", "(alle)"): (2, 3),
    (PEILDATA[1], "GM0363", "huisartsenzorg", "huisarts"): (1, 1),
    (PEILDATA[1], "GM0363", "huisartsenzorg", "waarnemend huisarts"): (1, 1),
    (PEILDATA[1], "GM0363", "huisartsenzorg", "(alle)"): (1, 2),
    (PEILDATA[1], None, "huisartsenzorg", "huisarts"): (3, 3),
    (PEILDATA[1], None, "huisartsenzorg", "waarnemend huisarts"): (1, 1),
    (PEILDATA[1], None, "huisartsenzorg", "(alle)"): (3, 4),
    (PEILDATA[1], "GM0034", "farmacie", "apotheker"): (1, 2),
    (PEILDATA[1], "GM0034", "farmacie", "(alle)"): (1, 2),
    (PEILDATA[1], None, "farmacie", "apotheker"): (1, 2),
    (PEILDATA[1], None, "farmacie", "(alle)"): (1, 2),
    (PEILDATA[0], "GM0014", "huisartsenzorg", "waarnemend huisarts"): (1, 1),
    (PEILDATA[0], "GM0014", "huisartsenzorg", "(alle)"): (1, 1),
    (PEILDATA[0], None, "huisartsenzorg", "waarnemend huisarts"): (1, 1),
    (PEILDATA[0], None, "huisartsenzorg", "(alle)"): (1, 1),
}
RIJEN_PER_PEILDATUM = (len(GEMEENTEN) + 1) * sum(len(s) for s in SPECIALISMEN.values())  # 4 x 5 = 20


def _rows():
    for peildatum in PEILDATA:
        for code in [*GEMEENTEN, None]:
            for zorgsoort, specialismen in SPECIALISMEN.items():
                for specialisme in specialismen:
                    n_vest, n_zv = TELLINGEN.get((peildatum, code, zorgsoort, specialisme), (0, 0))
                    yield (peildatum, "gemeente" if code else "nederland", code,
                           GEMEENTEN[code] if code else "Nederland", zorgsoort, specialisme, n_vest, n_zv)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("zorgaanbod") / "wh.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""
        create table marts.zorgaanbod__gemeente (
            peildatum date, niveau varchar, gemeentecode varchar, gemeentenaam varchar, zorgsoort varchar,
            zorgspecialisme varchar, aantal_vestigingen bigint, aantal_zorgverleners bigint)""")
    con.executemany("insert into marts.zorgaanbod__gemeente values (?, ?, ?, ?, ?, ?, ?, ?)", list(_rows()))
    con.execute("create table marts.x (a integer)")  # the table the injection attempt names
    con.close()
    return path


@pytest.fixture
def con(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def test_compare_gemeenten_in_order_then_national(con):
    df = compare(con, None, "huisartsenzorg", None, ["GM0363", "gm0014 ", "GM0034"])
    assert list(df.gemeentecode.fillna("-")) == ["GM0363", "GM0014", "GM0034", "-"]
    assert list(df.niveau) == ["gemeente"] * 3 + ["nederland"]
    assert set(df.peildatum) == {PEILDATA[1]}  # default: the latest peildatum
    assert set(df.zorgspecialisme) == {"(alle)"}  # default: the zorgsoort total
    assert list(df.aantal_zorgverleners) == [2, 3, 0, 4]
    assert list(df.aantal_vestigingen) == [1, 2, 0, 3]
    assert df.gemeentenaam.iloc[-1] == "Nederland"


def test_compare_specialisme_and_peildatum(con):
    df = compare(con, "2022-12-31", "huisartsenzorg", "waarnemend huisarts", ["GM0014"])
    assert list(df.aantal_zorgverleners) == [1, 1]
    df = compare(con, dt.date(2023, 12, 31), "huisartsenzorg", "waarnemend huisarts", ["GM0014", "GM0363"])
    assert list(df.aantal_zorgverleners) == [0, 1, 1]


def test_compare_without_gemeenten_gives_the_national_row(con):
    df = compare(con, None, "farmacie", "apotheker", [])
    assert list(df.niveau) == ["nederland"] and list(df.aantal_zorgverleners) == [2]


def test_duplicate_gemeente_counts_once(con):
    df = compare(con, None, "farmacie", None, ["GM0034", "GM0034"] + ["GM0014"] * 4)
    assert list(df.gemeentecode.fillna("-")) == ["GM0034", "GM0014", "-"]


def test_six_gemeenten_are_refused(con):
    with pytest.raises(ZorgaanbodInputError, match="at most 5 gemeenten") as e:
        compare(con, None, "huisartsenzorg", None, ["GM0014", "GM0034", "GM0363", "GM0037", "GM0047", "GM0050"])
    assert e.value.parameter == "gemeente"
    assert isinstance(e.value, ValueError)


def test_unknown_gemeentecode(con):
    with pytest.raises(ZorgaanbodInputError, match="unknown gemeentecode 'GM9999'.*GM0014 Groningen"):
        compare(con, None, "huisartsenzorg", None, ["GM0014", "GM9999"])


def test_unknown_zorgsoort_lists_the_allowed_ones(con):
    with pytest.raises(ZorgaanbodInputError, match="unknown zorgsoort 'tandzorg'; allowed: farmacie, huisartsenzorg"):
        compare(con, None, "tandzorg", None, ["GM0014"])


def test_unknown_specialisme_lists_those_of_the_zorgsoort(con):
    with pytest.raises(ZorgaanbodInputError, match="allowed: \\(alle\\), apotheker") as e:
        compare(con, None, "farmacie", "huisarts", [])
    assert e.value.parameter == "specialisme"


def test_unknown_peildatum(con):
    with pytest.raises(ZorgaanbodInputError, match="allowed peildata: 2022-12-31, 2023-12-31"):
        compare(con, "2021-06-30", "farmacie", None, [])
    with pytest.raises(ZorgaanbodInputError, match="not a date"):
        compare(con, "gisteren", "farmacie", None, [])


@pytest.mark.parametrize("field", ["gemeente", "zorgsoort", "specialisme", "peildatum"])
def test_sql_injection_is_just_an_unknown_value(warehouse, field):
    kwaad = "GM0014'; drop table marts.x; --"
    args = dict(peildatum=None, zorgsoort="huisartsenzorg", specialisme=None, gemeenten=["GM0014"])
    args[{"gemeente": "gemeenten"}.get(field, field)] = [kwaad] if field == "gemeente" else kwaad
    con = duckdb.connect(str(warehouse))  # writable: a successful injection could drop the table
    try:
        with pytest.raises(ZorgaanbodInputError):
            compare(con, **args)
        assert con.execute("select count(*) from marts.x").fetchone() == (0,)
        assert con.execute("select count(*) from marts.zorgaanbod__gemeente").fetchone() == (2 * RIJEN_PER_PEILDATUM,)
    finally:
        con.close()


def test_export_csv(con, tmp_path):
    path = tmp_path / "download" / "zorgaanbod.csv"
    n = export_csv(con, path, None)
    raw = path.read_bytes().decode("utf-8")
    assert raw.splitlines()[0] == ("peildatum;niveau;gemeentecode;gemeentenaam;zorgsoort;zorgspecialisme;"
                                   "aantal_vestigingen;aantal_zorgverleners")
    rows = list(csv.DictReader(raw.splitlines(), delimiter=";"))
    assert n == len(rows) == RIJEN_PER_PEILDATUM
    assert {r["peildatum"] for r in rows} == {"2023-12-31"}
    nationaal = [r for r in rows if r["niveau"] == "nederland"]
    assert len(nationaal) == 5 and all(r["gemeentecode"] == "" for r in nationaal)
    assert {(r["zorgsoort"], r["zorgspecialisme"]) for r in nationaal} == {
        (s, sp) for s, sps in SPECIALISMEN.items() for sp in sps}
    assert {r["gemeentecode"] for r in rows if r["niveau"] == "gemeente"} == set(GEMEENTEN)
    totaal = next(r for r in nationaal if r["zorgsoort"] == "huisartsenzorg" and r["zorgspecialisme"] == "(alle)")
    assert (totaal["aantal_vestigingen"], totaal["aantal_zorgverleners"]) == ("3", "4")


def test_export_csv_older_peildatum(con, tmp_path):
    path = tmp_path / "oud.csv"
    assert export_csv(con, path, "2022-12-31") == RIJEN_PER_PEILDATUM
    assert "2022-12-31;nederland;;Nederland;huisartsenzorg;(alle);1;1" in path.read_text(encoding="utf-8")


def _cli(warehouse, *args):
    return CliRunner().invoke(main, ["zorgaanbod", "--db", str(warehouse), *args])


def test_cli_prints_gemeenten_next_to_national_and_writes_csv(warehouse, tmp_path):
    path = tmp_path / "za.csv"
    result = _cli(warehouse, "--zorgsoort", "huisartsenzorg", "--gemeente", "GM0363", "--gemeente", "GM0014",
                  "--csv", str(path))
    assert result.exit_code == 0, result.output
    assert "2023-12-31" in result.output and "huisartsenzorg" in result.output
    kop = next(line for line in result.output.splitlines() if "GM0363 Amsterdam" in line)
    assert kop.index("GM0363 Amsterdam") < kop.index("GM0014 Groningen") < kop.index("Nederland")
    zv = next(line for line in result.output.splitlines() if line.startswith("aantal_zorgverleners")).split()
    assert zv[1:] == ["2", "3", "4"]
    assert path.exists() and len(path.read_text(encoding="utf-8").splitlines()) == RIJEN_PER_PEILDATUM + 1
    assert f"{RIJEN_PER_PEILDATUM} rows" in result.output


def test_cli_specialisme_and_peildatum(warehouse):
    result = _cli(warehouse, "--zorgsoort", "huisartsenzorg", "--specialisme", "waarnemend huisarts",
                  "--peildatum", "2022-12-31", "--gemeente", "GM0014")
    assert result.exit_code == 0, result.output
    assert "2022-12-31" in result.output and "waarnemend huisarts" in result.output


@pytest.mark.parametrize("args, message", [
    (["--zorgsoort", "huisartsenzorg"] + [a for g in ["GM0014", "GM0034", "GM0363", "GM0037", "GM0047", "GM0050"]
                                          for a in ("--gemeente", g)], "at most 5 gemeenten"),
    (["--zorgsoort", "huisartsenzorg", "--gemeente", "GM9999"], "unknown gemeentecode 'GM9999'"),
    (["--zorgsoort", "tandzorg", "--gemeente", "GM0014"], "unknown zorgsoort 'tandzorg'; allowed: farmacie"),
    (["--zorgsoort", "farmacie", "--specialisme", "huisarts"], "unknown zorgspecialisme 'huisarts'"),
    (["--zorgsoort", "farmacie", "--peildatum", "2021-06-30"], "no AGB snapshot on 2021-06-30"),
    (["--zorgsoort", "huisartsenzorg", "--gemeente", "GM0014'; drop table marts.x; --"], "unknown gemeentecode"),
    (["--gemeente", "GM0014"], "Missing option '--zorgsoort'"),
])
def test_cli_errors_exit_2(warehouse, args, message):
    result = _cli(warehouse, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from marts.x").fetchone() == (0,)
    finally:
        con.close()


def test_cli_missing_warehouse(tmp_path):
    result = _cli(tmp_path / "geen.duckdb", "--zorgsoort", "farmacie")
    assert result.exit_code == 2
    assert "does not exist" in result.output
