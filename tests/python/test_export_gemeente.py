"""Per-gemeente extract of the Gemeentezorgspiegel (scripts/zorgspiegel/export.py and
`zorgspiegel export gemeente`), a serving publication of one tenant, on a small hand-made warehouse:
schema marts with two gemeentezorgspiegel marts in the shape dbt makes them (the access columns
niveau, gemeentecode, zichtbaar_voor_gemeentecode), another product's mart, and the reference tables
(code lists, regions of three made-up gemeenten) - without dbt.

By hand, the extract of GM0001 holds from zorggebruik the 2 national rows and GM0001's 5 rows (its
gemeente, wijk and buurt, and its own Jeugdwet at gemeente and wijk level) = 7, and from crisis_ggz
NL and GM0001 = 2. It must not hold GM0002's rows, GM0002's Jeugdwet (costs 222.22), the row in
GM0001's region that is visible to GM0002 only (333.33), the national row visible to GM0002 only
(444.44), nor anything of zorgaanbod__gemeente, nor GM0002's regions (Beedorp)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from warehouse_stub import add_reference_tables, all_values

from zorgspiegel.cli import main
from zorgspiegel.export import ExportInputError, export_gemeente

ZORGGEBRUIK = [
    # jaar, niveau, regiocode, gemeentecode, bovenliggende_regiocode, zichtbaar, domein, categorie, personen, kosten
    (2023, "nl", "NL", None, None, None, "zvw", "(totaal)", 900, 90000.00),
    (2023, "nl", "NL", None, None, None, "wmo", "(totaal)", 100, 10000.00),
    (2023, "gemeente", "GM0001", "GM0001", "NL", None, "zvw", "(totaal)", 500, 50000.00),
    (2023, "wijk", "WK000101", "GM0001", "GM0001", None, "zvw", "(totaal)", 500, 50000.00),
    (2023, "buurt", "BU00010101", "GM0001", "WK000101", None, "zvw", "(totaal)", 500, 50000.00),
    (2023, "gemeente", "GM0001", "GM0001", "NL", "GM0001", "jeugdwet", "(totaal)", 40, 111.11),
    (2023, "wijk", "WK000101", "GM0001", "GM0001", "GM0001", "jeugdwet", "(totaal)", 40, 111.11),
    (2023, "gemeente", "GM0002", "GM0002", "NL", None, "zvw", "(totaal)", 400, 40000.00),
    (2023, "wijk", "WK000201", "GM0002", "GM0002", None, "zvw", "(totaal)", 400, 40000.00),
    (2023, "gemeente", "GM0002", "GM0002", "NL", "GM0002", "jeugdwet", "(totaal)", 30, 222.22),
    # Rows the models never make, to prove the filter checks both access columns:
    (2023, "wijk", "WK000102", "GM0001", "GM0001", "GM0002", "jeugdwet", "pleegzorg", 12, 333.33),
    (2023, "nl", "NL", None, None, "GM0002", "jeugdwet", "(totaal)", 30, 444.44),
]
CRISIS = [
    # jaar, niveau, regiocode, gemeentecode, bovenliggende_regiocode, zichtbaar, personen, onderdrukt
    (2023, "nl", "NL", None, None, None, 60, False),
    (2023, "gemeente", "GM0001", "GM0001", "NL", None, 30, False),
    (2023, "gemeente", "GM0002", "GM0002", "NL", None, None, True),
    (2023, "gemeente", "GM0003", "GM0003", "NL", None, None, True),
]
VERWACHT = {"GM0001": {"gemeentezorgspiegel__crisis_ggz": 2, "gemeentezorgspiegel__zorggebruik": 7},
            "GM0002": {"gemeentezorgspiegel__crisis_ggz": 2, "gemeentezorgspiegel__zorggebruik": 6}}
VREEMD_GM0001 = {222.22, 333.33, 444.44}  # costs of data GM0001 may not see


def _warehouse(path: Path, met_kapotte_mart: bool = False) -> Path:
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    add_reference_tables(con)
    con.execute("""
        create table marts.gemeentezorgspiegel__zorggebruik (
            jaar integer, niveau varchar, regiocode varchar, gemeentecode varchar, bovenliggende_regiocode varchar,
            zichtbaar_voor_gemeentecode varchar, domein varchar, categorie varchar, aantal_personen bigint,
            kosten decimal(18, 2), is_onderdrukt boolean)""")
    con.executemany("insert into marts.gemeentezorgspiegel__zorggebruik values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
                    ZORGGEBRUIK)
    con.execute("""
        create table marts.gemeentezorgspiegel__crisis_ggz (
            jaar integer, niveau varchar, regiocode varchar, gemeentecode varchar, bovenliggende_regiocode varchar,
            zichtbaar_voor_gemeentecode varchar, aantal_personen bigint, is_onderdrukt boolean)""")
    con.executemany("insert into marts.gemeentezorgspiegel__crisis_ggz values (?, ?, ?, ?, ?, ?, ?, ?)", CRISIS)
    con.execute("create table marts.zorgaanbod__gemeente (gemeentecode varchar, aantal bigint)")
    con.execute("insert into marts.zorgaanbod__gemeente values ('GM0002', 5)")
    if met_kapotte_mart:
        con.execute("create table marts.gemeentezorgspiegel__zonder_toegang (jaar integer, regiocode varchar)")
    con.close()
    return path


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return _warehouse(tmp_path_factory.mktemp("gzs") / "wh.duckdb")


@pytest.fixture(scope="module")
def extracts(warehouse, tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("extracts")
    return {code: export_gemeente(warehouse, code, root / code).out for code in VERWACHT}


def _tabellen(out: Path) -> dict[str, list[dict]]:
    """The marts of an extract as its Parquet files hold them."""
    tabellen = {}
    for folder in sorted((out / "parquet" / "marts").iterdir()):
        cursor = duckdb.execute(f"select * from read_parquet('{folder}/**/*.parquet', hive_partitioning = true)")
        names = [d[0] for d in cursor.description]
        tabellen[folder.name] = [dict(zip(names, r)) for r in cursor.fetchall()]
    return tabellen


@pytest.mark.parametrize("code", ["GM0001", "GM0002"])
def test_extract_bevat_alleen_eigen_gemeente_en_nationaal(extracts, code):
    andere = {"GM0001", "GM0002", "GM0003"} - {code}
    for tabel, rijen in _tabellen(extracts[code]).items():
        assert rijen, tabel
        for rij in rijen:
            assert rij["gemeentecode"] == code or rij["niveau"] == "nl", (tabel, rij)
            assert rij["gemeentecode"] not in andere and rij["regiocode"] not in andere, (tabel, rij)


def test_geen_jeugdwet_van_een_andere_gemeente(extracts):
    rijen = _tabellen(extracts["GM0001"])["gemeentezorgspiegel__zorggebruik"]
    assert {r["zichtbaar_voor_gemeentecode"] for r in rijen} == {None, "GM0001"}
    jeugdwet = [r for r in rijen if r["domein"] == "jeugdwet"]
    assert [(r["niveau"], r["zichtbaar_voor_gemeentecode"]) for r in jeugdwet] == [
        ("gemeente", "GM0001"), ("wijk", "GM0001")]
    assert not [r for r in rijen if float(r["kosten"]) in VREEMD_GM0001]
    assert not [r for r in rijen if r["niveau"] == "nl" and r["domein"] == "jeugdwet"]
    # GM0002 sees its own Jeugdwet, never GM0001's.
    rijen2 = _tabellen(extracts["GM0002"])["gemeentezorgspiegel__zorggebruik"]
    assert {r["zichtbaar_voor_gemeentecode"] for r in rijen2} == {None, "GM0002"}
    assert 111.11 not in {float(r["kosten"]) for r in rijen2}


@pytest.mark.parametrize("code", ["GM0001", "GM0002"])
def test_rijen_sluiten_aan(warehouse, extracts, code):
    out = extracts[code]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    in_manifest = {t["tabel"]: t["rijen"] for t in manifest["tabellen"] if t["schema"] == "marts"}
    in_parquet = {t: len(r) for t, r in _tabellen(out).items()}
    ext = duckdb.connect(str(out / f"gemeentezorgspiegel_{code}.duckdb"), read_only=True)
    in_duckdb = {t: ext.execute(f'select count(*) from marts."{t}"').fetchone()[0] for t in VERWACHT[code]}
    ext.close()
    assert in_manifest == in_parquet == in_duckdb == VERWACHT[code]
    # ... and with the marts: the rows of the mart a gemeente may see, counted here independently.
    con = duckdb.connect(str(warehouse), read_only=True)
    for tabel, n in VERWACHT[code].items():
        rijen = con.execute(f"select niveau, gemeentecode, zichtbaar_voor_gemeentecode from marts.{tabel}").fetchall()
        zichtbaar = [r for r in rijen if (r[1] == code or r[0] == "nl") and r[2] in (None, code)]
        assert len(zichtbaar) == n
    con.close()
    for t in manifest["tabellen"]:
        for f in t["parquet"]["bestanden"]:
            assert f["sha256"] == hashlib.sha256((out / f["pad"]).read_bytes()).hexdigest()
    assert manifest["tenant"]["code"] == code and "README.md" in {p.name for p in out.iterdir()}


def test_geen_enkele_waarde_van_een_andere_gemeente(extracts):
    """Sentinels of GM0002 (codes, name, its Jeugdwet costs) are nowhere in GM0001's files: not in any
    table of the DuckDB file (marts, regions, code lists, publication tables), not in the manifest."""
    out = extracts["GM0001"]
    ext = duckdb.connect(str(out / "gemeentezorgspiegel_GM0001.duckdb"), read_only=True)
    waarden = all_values(ext)
    regio = ext.execute("select gemeentecode from reference.cbs_wijken union all "
                        "select gemeentecode from reference.cbs_buurten").fetchall()
    ext.close()
    vreemd = {"GM0002", "GM0003", "WK000201", "Beedorp", "Ceedorp", *(str(k) for k in VREEMD_GM0001)}
    assert "Aadorp" in waarden and "WK000101" in waarden and set(regio) == {("GM0001",)}
    assert not vreemd & waarden
    assert not [v for v in vreemd if v in (out / "manifest.json").read_text(encoding="utf-8")]


def test_alleen_gemeentezorgspiegel_marts_en_zelfde_types(extracts):
    out = extracts["GM0002"]
    assert sorted(p.name for p in (out / "parquet" / "marts").iterdir()) == [
        "gemeentezorgspiegel__crisis_ggz", "gemeentezorgspiegel__zorggebruik"]
    ext = duckdb.connect(str(out / "gemeentezorgspiegel_GM0002.duckdb"), read_only=True)
    tabellen = {r[0] for r in ext.execute("select table_name from information_schema.tables "
                                          "where table_schema = 'marts'").fetchall()}
    kosten_type = ext.execute("select data_type from information_schema.columns where table_name = "
                              "'gemeentezorgspiegel__zorggebruik' and column_name = 'kosten'").fetchone()[0]
    ext.close()
    assert tabellen == set(VERWACHT["GM0002"])
    assert kosten_type == "DECIMAL(18,2)"


def test_opnieuw_exporteren_vervangt_en_andere_gemeente_geweigerd(warehouse, tmp_path):
    eerste = export_gemeente(warehouse, "GM0001", tmp_path / "uit")
    tweede = export_gemeente(warehouse, "GM0001", tmp_path / "uit")
    assert (tmp_path / "uit" / "current").resolve() == tweede.publicatie.path != eerste.publicatie.path
    assert eerste.publicatie.path.exists()  # the one just replaced stays for readers that opened it
    assert {t["checksum"] for t in eerste.publicatie.tables} == {t["checksum"] for t in tweede.publicatie.tables}
    with pytest.raises(ExportInputError, match="holds the publications of gemeente GM0001") as e:
        export_gemeente(warehouse, "GM0002", tmp_path / "uit")
    assert e.value.parameter == "out"
    assert (tmp_path / "uit" / "current").resolve() == tweede.publicatie.path


def test_warehouse_blijft_onaangeroerd(tmp_path):
    wh = _warehouse(tmp_path / "wh.duckdb")
    voor = hashlib.sha256(wh.read_bytes()).hexdigest()
    export_gemeente(wh, "GM0003", tmp_path / "uit")
    assert hashlib.sha256(wh.read_bytes()).hexdigest() == voor


@pytest.mark.parametrize("code", ["GM123", "GM00011", "XX0001", "0363", "", "GM 001"])
def test_ongeldige_gemeentecode(warehouse, tmp_path, code):
    with pytest.raises(ExportInputError, match="GM followed by 4 digits") as e:
        export_gemeente(warehouse, code, tmp_path / "uit")
    assert e.value.parameter == "gemeentecode"
    assert not (tmp_path / "uit").exists()


def test_onbekende_gemeente_en_normalisatie(warehouse, tmp_path):
    with pytest.raises(ExportInputError, match="unknown gemeente GM9999"):
        export_gemeente(warehouse, "GM9999", tmp_path / "a")
    assert export_gemeente(warehouse, " gm0001 ", tmp_path / "b").code == "GM0001"


def test_uitvoermap_moet_leeg_zijn(warehouse, tmp_path):
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "iets.txt").write_text("x")
    with pytest.raises(ExportInputError, match="neither empty nor a publication folder") as e:
        export_gemeente(warehouse, "GM0001", tmp_path / "vol")
    assert e.value.parameter == "out"


def test_mart_zonder_toegangskolommen_wordt_geweigerd(tmp_path):
    wh = _warehouse(tmp_path / "wh.duckdb", met_kapotte_mart=True)
    with pytest.raises(ExportInputError, match="lacks the access column"):
        export_gemeente(wh, "GM0001", tmp_path / "uit")
    assert not (tmp_path / "uit").exists()


def test_cli(warehouse, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["export", "gemeente", "GM0001", "--out", str(tmp_path / "x"), "--db", str(warehouse)])
    assert ok.exit_code == 0, ok.output
    assert "GM0001 Aadorp" in ok.output and "gemeentezorgspiegel__zorggebruik" in ok.output
    fout = runner.invoke(main, ["export", "gemeente", "GM12", "--out", str(tmp_path / "y"), "--db", str(warehouse)])
    assert fout.exit_code == 2 and "GM followed by 4 digits" in fout.output
    geen_db = runner.invoke(main, ["export", "gemeente", "GM0001", "--out", str(tmp_path / "z"),
                                   "--db", str(tmp_path / "bestaat_niet.duckdb")])
    assert geen_db.exit_code == 2 and "does not exist" in geen_db.output
