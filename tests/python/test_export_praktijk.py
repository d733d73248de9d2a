"""Per-practice extract of the Praktijkspiegel (`zorgspiegel export praktijk AGB`), on a hand-made
warehouse with the four praktijkspiegel marts (the contract's key and reference columns) for
practice A (01000001) and practice B (01999999). B's rows carry sentinel values - its name, a cost
of 987654.32, a ratio of 7.77, a region RG-B - that must not appear anywhere in A's files; A's rows
carry the regional and national references as columns, and those must be there."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from warehouse_stub import add_reference_tables, all_values

from zorgspiegel.cli import main
from zorgspiegel.export import ExportInputError, export_praktijk
from zorgspiegel.serving import code_lists

A, B = "01000001", "01999999"
SENTINELS_B = {B, "Praktijk Sentinel B", "RG-B", "Regio Sentinel B", "987654.32", "7.77"}


def _warehouse(path: Path) -> Path:
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    add_reference_tables(con)
    con.execute("""create table marts.praktijkspiegel__praktijk_jaar (praktijk_agb varchar, jaar integer,
                   praktijk_naam varchar, regiocode varchar, regionaam varchar, aantal_patienten bigint,
                   heeft_spiegel boolean)""")
    con.executemany("insert into marts.praktijkspiegel__praktijk_jaar values (?, ?, ?, ?, ?, ?, ?)", [
        (A, 2022, "Praktijk A", "RG-A", "Regio A", 1500, True),
        (A, 2023, "Praktijk A", "RG-A", "Regio A", 1550, True),
        (B, 2023, "Praktijk Sentinel B", "RG-B", "Regio Sentinel B", 2100, True)])
    con.execute("""create table marts.praktijkspiegel__populatie (praktijk_agb varchar, jaar integer,
                   kenmerk varchar, categorie varchar, aandeel_praktijk double, aandeel_regio double,
                   aandeel_nederland double)""")
    con.executemany("insert into marts.praktijkspiegel__populatie values (?, ?, ?, ?, ?, ?, ?)", [
        (A, 2023, "ses_woa", "laag", 0.30, 0.25, 0.20), (B, 2023, "ses_woa", "laag", 7.77, 7.77, 7.77)])
    for mart in ("praktijkspiegel__indicatoren", "praktijkspiegel__kosten_zorgstroom"):
        con.execute(f"""create table marts.{mart} (praktijk_agb varchar, jaar integer, code varchar,
                        waarde decimal(18, 2), verwacht_regio decimal(18, 2), verwacht_nederland decimal(18, 2),
                        ratio_regio double)""")
        con.executemany(f"insert into marts.{mart} values (?, ?, ?, ?, ?, ?, ?)", [
            (A, 2022, "x", 100.00, 110.00, 120.00, 0.91), (A, 2023, "x", 105.00, 111.00, 121.00, 0.95),
            (B, 2023, "x", 987654.32, 987654.32, 987654.32, 7.77)])
    con.close()
    return path


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return _warehouse(tmp_path_factory.mktemp("ps") / "wh.duckdb")


@pytest.fixture(scope="module")
def extract_a(warehouse, tmp_path_factory):
    return export_praktijk(warehouse, A, tmp_path_factory.mktemp("uit") / A)


def test_alleen_rijen_van_de_eigen_praktijk(extract_a):
    assert extract_a.rijen == {"praktijkspiegel__praktijk_jaar": 2, "praktijkspiegel__populatie": 1,
                               "praktijkspiegel__indicatoren": 2, "praktijkspiegel__kosten_zorgstroom": 2}
    con = duckdb.connect(str(extract_a.database), read_only=True)
    for mart in extract_a.rijen:
        assert con.execute(f"select distinct praktijk_agb from marts.{mart}").fetchall() == [(A,)]
    referenties = con.execute("select verwacht_regio, verwacht_nederland from marts.praktijkspiegel__indicatoren "
                              "where jaar = 2023").fetchone()
    schemas = con.execute("select table_schema, table_name from information_schema.tables").fetchall()
    con.close()
    assert [float(v) for v in referenties] == [111.0, 121.0]
    # The code lists come along; no region tables (the marts carry the practice's region).
    assert sorted(t for s, t in schemas if s == "reference") == code_lists()


def test_geen_enkele_waarde_van_een_andere_praktijk(extract_a):
    con = duckdb.connect(str(extract_a.database), read_only=True)
    waarden = all_values(con)
    con.close()
    parquet = duckdb.execute(f"select * from read_parquet('{extract_a.out}/parquet/marts/*/**/*.parquet', "
                             "union_by_name = true, hive_partitioning = true)").fetchall()
    in_parquet = {str(v) for row in parquet for v in row if v is not None}
    manifest = (extract_a.out / "manifest.json").read_text(encoding="utf-8")
    assert "Praktijk A" in waarden and "Praktijk A" in in_parquet
    assert not SENTINELS_B & waarden
    assert not SENTINELS_B & in_parquet
    assert not [s for s in SENTINELS_B if s in manifest]
    assert json.loads(manifest)["tenant"] == {"soort": "praktijk", "code": A, "naam": "Praktijk A"}


@pytest.mark.parametrize("agb", ["1000001", "010000011", "AB000001", "", "0100 001"])
def test_ongeldige_agb(warehouse, tmp_path, agb):
    with pytest.raises(ExportInputError, match="8 digits") as e:
        export_praktijk(warehouse, agb, tmp_path / "uit")
    assert e.value.parameter == "agb" and not (tmp_path / "uit").exists()


def test_onbekende_praktijk(warehouse, tmp_path):
    with pytest.raises(ExportInputError, match="unknown practice 01234567") as e:
        export_praktijk(warehouse, "01234567", tmp_path / "uit")
    assert e.value.parameter == "agb" and not (tmp_path / "uit").exists()


def test_andere_praktijk_niet_in_dezelfde_map(warehouse, extract_a):
    with pytest.raises(ExportInputError, match="holds the publications of praktijk 01000001"):
        export_praktijk(warehouse, B, extract_a.out)


def test_cli(warehouse, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["export", "praktijk", A, "--out", str(tmp_path / "a"), "--db", str(warehouse)])
    assert ok.exit_code == 0, ok.output
    assert f"{A} Praktijk A" in ok.output and f"praktijkspiegel_{A}.duckdb" in ok.output
    fout = runner.invoke(main, ["export", "praktijk", "123", "--out", str(tmp_path / "b"), "--db", str(warehouse)])
    assert fout.exit_code == 2 and "8 digits" in fout.output and "'AGB'" in fout.output
