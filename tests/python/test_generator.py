"""Tests for the synthetic generator (zorgspiegel.generator): what it writes must be a valid
delivery per the delivery specification (../shared/spec/deliveries.md, scripts/zorgspiegel/spec.py),
obey the value rules of the sources and the seeds, be deterministic, and contain the patterns the
products' business rules need.

Expectations come from the spec, the seeds and the rules, never from a previous run. Data sets are
generated once per session (see conftest.py).
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from conftest import Dataset, connect


def sha256_file(path: Path) -> str:
    """Independent of the writer's own checksum code, on purpose."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
from zorgspiegel.spec import SOURCES, SPEC_VERSIE, arrow_schema

MANIFEST_KEYS = {"spec_versie", "bron", "aanlevering_id", "leverancier", "periode", "aangemaakt_op", "bestanden"}
BESTAND_KEYS = {"naam", "tabel", "rijen", "sha256"}
PERSOON_ID = r"^[0-9a-f]{64}$"
AGB = r"^\d{8}$"


# ---------------------------------------------------------------- helpers

def scalar(db: duckdb.DuckDBPyConnection, sql: str):
    return db.execute(sql).fetchone()[0]


def offending(db: duckdb.DuckDBPyConnection, sql: str, limit: int = 5) -> tuple[int, list]:
    """(number of rows of `sql`, the first few of them): for 'no row may violate X' assertions."""
    n = scalar(db, f"SELECT count(*) FROM ({sql})")
    return n, db.execute(f"SELECT * FROM ({sql}) LIMIT {limit}").fetchall()


def assert_none(db, sql: str, what: str) -> None:
    n, sample = offending(db, sql)
    assert n == 0, f"{n} rows violate: {what}; e.g. {sample}"


def years(ds: Dataset) -> list[int]:
    return list(ds.config.years)


def months(ds: Dataset) -> set[str]:
    return {f"{y}-{m:02d}" for y in years(ds) for m in range(1, 13)}


def csv_data_rows(path: Path) -> int:
    """Data rows of a CSV file (records after the header; quoted newlines stay inside their record)."""
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return max(sum(1 for _ in csv.reader(f, delimiter=";")) - 1, 0)


def manifest_problems(ds: Dataset) -> list[str]:
    """Everything wrong with the folders and manifests of a data set, per the delivery spec."""
    fmt = ds.config.fmt
    problems: list[str] = []
    folders = sorted(p for p in ds.root.glob("*/*") if p.is_dir())
    with_manifest = {d.folder for d in ds.deliveries}
    problems += [f"{f}: no manifest.json" for f in folders if f not in with_manifest]
    problems += [f"{p}: not inside a delivery folder" for p in ds.root.glob("*") if not p.is_dir()]
    problems += [f"{p}: not inside a delivery folder" for p in ds.root.glob("*/*") if not p.is_dir()]
    problems += [f"{b}: no delivery" for b in SOURCES if not ds.of(b)]
    for d in ds.deliveries:
        m, where = d.manifest, d.folder
        if set(m) != MANIFEST_KEYS:
            problems.append(f"{where}: manifest keys {sorted(m)}")
            continue
        bron = m["bron"]
        if m["spec_versie"] != SPEC_VERSIE or m["spec_versie"] != "1":
            problems.append(f"{where}: spec_versie {m['spec_versie']!r}")
        if bron not in SOURCES or where.parent.name != bron:
            problems.append(f"{where}: bron {bron!r} does not match its folder")
            continue
        source = SOURCES[bron]
        if not re.fullmatch(source.leverancier_pattern, m["leverancier"]):
            problems.append(f"{where}: leverancier {m['leverancier']!r}")
        if not re.fullmatch(source.periode_pattern, m["periode"]):
            problems.append(f"{where}: periode {m['periode']!r}")
        expected_id = f"{bron}-{m['leverancier']}-{m['periode']}-001"
        if m["aanlevering_id"] != expected_id:
            problems.append(f"{where}: aanlevering_id {m['aanlevering_id']!r}, expected {expected_id!r}")
        if where != ds.root / bron / m["aanlevering_id"]:
            problems.append(f"{where}: folder is not <root>/{bron}/{m['aanlevering_id']}")
        try:
            created = datetime.fromisoformat(m["aangemaakt_op"])
            if created.tzinfo is None:
                problems.append(f"{where}: aangemaakt_op without UTC offset")
        except (TypeError, ValueError):
            problems.append(f"{where}: aangemaakt_op {m['aangemaakt_op']!r} is not ISO 8601")
        bestanden = m["bestanden"]
        if any(set(b) != BESTAND_KEYS for b in bestanden):
            problems.append(f"{where}: bestand keys {[sorted(b) for b in bestanden]}")
            continue
        tabellen = [b["tabel"] for b in bestanden]
        if sorted(tabellen) != sorted(source.tables):
            problems.append(f"{where}: tables {tabellen}, expected {sorted(source.tables)}")
        names = {b["naam"] for b in bestanden}
        on_disk = {p.name for p in where.iterdir()}
        if on_disk != names | {"manifest.json"}:
            problems.append(f"{where}: files on disk {sorted(on_disk)} != manifest {sorted(names)}")
        for b in bestanden:
            path = where / b["naam"]
            if b["naam"] != f"{b['tabel']}.{fmt}":
                problems.append(f"{path}: file name does not match tabel {b['tabel']!r} and format {fmt}")
            if not path.is_file():
                problems.append(f"{path}: missing")
                continue
            if b["sha256"] != sha256_file(path):
                problems.append(f"{path}: sha256 differs from the manifest")
            actual = pq.ParquetFile(path).metadata.num_rows if fmt == "parquet" else csv_data_rows(path)
            if b["rijen"] != actual:
                problems.append(f"{path}: manifest rijen {b['rijen']} != {actual} rows in the file")
    return problems


# ================================================================ 1. spec conformance (Parquet)

def test_parquet_folders_and_manifests(parquet_dataset):
    assert parquet_dataset.deliveries, "no delivery written"
    problems = manifest_problems(parquet_dataset)
    assert not problems, "\n".join(problems[:30])


def test_parquet_schemas_equal_the_spec(parquet_dataset):
    problems = []
    for d in parquet_dataset.deliveries:
        for tabel, path in d.files().items():
            expected = arrow_schema(d.bron, tabel)
            actual = pq.read_schema(path).remove_metadata()
            if not actual.equals(expected):
                problems.append(f"{path}: {[(f.name, str(f.type), f.nullable) for f in actual]} != "
                                f"{[(f.name, str(f.type), f.nullable) for f in expected]}")
    assert not problems, "\n".join(problems[:10])


def test_parquet_non_nullable_columns_have_no_nulls(parquet_dataset):
    problems = []
    for d in parquet_dataset.deliveries:
        for tabel, path in d.files().items():
            required = [c.name for c in SOURCES[d.bron].tables[tabel] if not c.nullable]
            table = pq.read_table(path, columns=required)
            problems += [f"{path}: {c} has {table[c].null_count} nulls" for c in required if table[c].null_count]
    assert not problems, "\n".join(problems[:10])


def test_deliveries_cover_every_period_of_the_generated_years(parquet_dataset):
    ds = parquet_dataset
    yrs, mths = {str(y) for y in years(ds)}, months(ds)
    by: dict[tuple[str, str], set[str]] = {}
    for d in ds.deliveries:
        by.setdefault((d.bron, d.manifest["leverancier"]), set()).add(d.manifest["periode"])
    assert {p for (b, _), ps in by.items() if b == "agb_register" for p in ps} == {f"{y}-12-31" for y in yrs}
    assert {p for (b, _), ps in by.items() if b == "wmo_voorzieningen" for p in ps} == yrs
    for (bron, lev), periodes in by.items():
        if bron == "zvw_verzekerden":
            assert periodes == yrs, (bron, lev)
        elif bron in ("wlz_zorg", "ggz_wachttijden"):
            assert periodes == mths, (bron, lev)
        elif bron == "zvw_declaraties":
            assert mths <= periodes, f"insurer {lev} lacks claim deliveries for {sorted(mths - periodes)}"
        elif bron == "jeugdwet_trajecten":
            assert periodes <= yrs, (bron, lev)
    insurers = {lev for (b, lev) in by if b == "zvw_verzekerden"}
    assert insurers == {lev for (b, lev) in by if b == "zvw_declaraties"}


# ================================================================ 1b. spec conformance (CSV)

def test_csv_folders_and_manifests(csv_dataset):
    assert csv_dataset.deliveries, "no delivery written"
    problems = manifest_problems(csv_dataset)
    assert not problems, "\n".join(problems[:30])


def test_csv_is_utf8_with_semicolon_header(csv_dataset):
    problems = []
    for d in csv_dataset.deliveries:
        for tabel, path in d.files().items():
            raw = path.read_bytes()
            if raw.startswith(codecs.BOM_UTF8):
                problems.append(f"{path}: starts with a byte order mark")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                problems.append(f"{path}: not UTF-8 ({e})")
                continue
            first = text.split("\n", 1)[0].rstrip("\r")
            header = next(csv.reader([first], delimiter=";"))
            expected = [c.name for c in SOURCES[d.bron].tables[tabel]]
            if header != expected:
                problems.append(f"{path}: header {first!r} != {';'.join(expected)!r}")
            if "," in first.replace('","', ""):
                problems.append(f"{path}: header uses ','")
    assert not problems, "\n".join(problems[:10])


CSV_FORMATS = {
    "date": r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$",
    "dec": r"^-?\d+(\.\d{1,2})?$",
    "int": r"^-?\d+$",
    "bool": r"^(true|false)$",
}


def test_csv_values_iso_dates_point_decimals_and_nulls(csv_dataset):
    con = connect(csv_dataset)  # all columns read as text
    problems = []
    for bron, source in SOURCES.items():
        for tabel, cols in source.tables.items():
            checks = []
            for c in cols:
                if c.type in CSV_FORMATS:
                    checks.append((f"{c.name} not {c.type} text",
                                   f"count(*) FILTER (WHERE {c.name} IS NOT NULL AND NOT "
                                   f"regexp_full_match({c.name}, '{CSV_FORMATS[c.type]}'))"))
                if c.type == "date":
                    checks.append((f"{c.name} not a calendar date",
                                   f"count(*) FILTER (WHERE {c.name} IS NOT NULL AND try_cast({c.name} AS DATE) "
                                   "IS NULL)"))
                if c.type == "dec":
                    checks.append((f"{c.name} has a decimal comma",
                                   f"count(*) FILTER (WHERE contains({c.name}, ','))"))
                if not c.nullable:
                    checks.append((f"{c.name} empty (null) but required",
                                   f"count(*) FILTER (WHERE {c.name} IS NULL OR {c.name} = '')"))
            counts = con.execute(f"SELECT count(*), {', '.join(sql for _, sql in checks)} FROM {tabel}").fetchone()
            assert counts[0] > 0, f"{tabel}: no rows in the CSV data set"
            problems += [f"{tabel}: {n} rows with {label}" for (label, _), n in zip(checks, counts[1:]) if n]
    con.close()
    assert not problems, "\n".join(problems)


# ================================================================ 2. value rules

PERSON_TABLES = ["verzekerden", "declaraties", "wlz_zorg", "wmo_voorzieningen", "jeugdwet_trajecten"]


@pytest.mark.parametrize("tabel", PERSON_TABLES)
def test_persoon_id_is_64_lowercase_hex(db, tabel):
    assert scalar(db, f"SELECT count(*) FROM {tabel}") > 0
    assert_none(db, f"SELECT persoon_id FROM {tabel} WHERE NOT regexp_full_match(persoon_id, '{PERSOON_ID}')",
                f"{tabel}.persoon_id is 64 lowercase hex")


def test_same_person_same_persoon_id_across_sources(db):
    # Persons of Wlz, Wmo and Jeugdwet are insured persons: the pseudonym is shared between sources.
    for tabel in ("wlz_zorg", "wmo_voorzieningen", "jeugdwet_trajecten"):
        assert_none(db, f"SELECT DISTINCT persoon_id FROM {tabel} "
                        "WHERE persoon_id NOT IN (SELECT persoon_id FROM verzekerden)",
                    f"{tabel}.persoon_id is a known insured person")


AGB_COLUMNS = [("declaraties", "declarant_agb"), ("declaraties", "zorgverlener_agb"),
               ("zorgverleners", "zorgverlener_agb"), ("ondernemingen", "onderneming_agb"),
               ("vestigingen", "vestiging_agb"), ("vestigingen", "onderneming_agb"),
               ("werkrelaties", "zorgverlener_agb"), ("werkrelaties", "vestiging_agb"), ("kwalificaties", "agb_code"),
               ("ggz_wachttijden", "aanbieder_agb"), ("ggz_wachttijden", "vestiging_agb")]


@pytest.mark.parametrize("tabel,column", AGB_COLUMNS, ids=[f"{t}.{c}" for t, c in AGB_COLUMNS])
def test_agb_codes_have_8_digits(db, tabel, column):
    assert scalar(db, f"SELECT count({column}) FROM {tabel}") > 0
    assert_none(db, f"SELECT {column} FROM {tabel} WHERE {column} IS NOT NULL AND NOT regexp_full_match({column}, "
                    f"'{AGB}')", f"{tabel}.{column} has 8 digits")


def test_agb_code_prefix_is_the_zorgverlenersoort(db):
    # Spec: a provider's first 2 digits are the zorgverlenersoort of its kwalificatie.
    assert_none(db, """
        SELECT k.agb_code, k.kwalificatiecode FROM kwalificaties k
        JOIN seed_agb_kwalificaties s USING (kwalificatiecode)
        WHERE left(k.agb_code, 2) <> s.zorgverlenersoort""", "AGB prefix equals the kwalificatie's zorgverlenersoort")


def test_buurtcode_null_or_a_cbs_buurt(db):
    assert scalar(db, "SELECT count(buurtcode) FROM verzekerden") > 0
    assert_none(db, "SELECT buurtcode FROM verzekerden WHERE buurtcode IS NOT NULL "
                    "AND buurtcode NOT IN (SELECT buurtcode FROM seed_cbs_buurten)", "buurtcode in cbs_buurten")


@pytest.mark.parametrize("tabel", ["vestigingen", "wmo_voorzieningen", "jeugdwet_trajecten"])
def test_gemeentecode_is_a_cbs_gemeente(db, tabel):
    assert_none(db, f"SELECT gemeentecode FROM {tabel} "
                    "WHERE gemeentecode NOT IN (SELECT gemeentecode FROM seed_cbs_gemeenten)",
                f"{tabel}.gemeentecode in cbs_gemeenten")


def test_zorgstroom_in_seed(db):
    assert_none(db, "SELECT DISTINCT zorgstroom FROM declaraties "
                    "WHERE zorgstroom NOT IN (SELECT zorgstroom FROM seed_zorgstromen)", "zorgstroom in zorgstromen")


PRESTATIES = """(SELECT prestatiecode, zorgstroom FROM seed_huisarts_prestatiecodes
                 UNION ALL SELECT prestatiecode, zorgstroom FROM seed_zorgprestaties)"""


def test_prestatiecode_in_seeds(db):
    assert_none(db, f"SELECT DISTINCT prestatiecode FROM declaraties "
                    f"WHERE prestatiecode NOT IN (SELECT prestatiecode FROM {PRESTATIES})",
                "prestatiecode in huisarts_prestatiecodes or zorgprestaties")


def test_prestatiecode_belongs_to_the_lines_zorgstroom(db):
    assert_none(db, f"SELECT DISTINCT d.zorgstroom, d.prestatiecode, p.zorgstroom FROM declaraties d "
                    f"JOIN {PRESTATIES} p USING (prestatiecode) WHERE p.zorgstroom <> d.zorgstroom",
                "the seed's zorgstroom of the prestatiecode equals the line's zorgstroom")


def test_gp_prestatiecode_valid_on_treatment_date(db):
    assert_none(db, """
        SELECT d.prestatiecode, d.begindatum, s.geldig_vanaf, s.geldig_tot FROM declaraties d
        JOIN seed_huisarts_prestatiecodes s USING (prestatiecode)
        WHERE d.begindatum < s.geldig_vanaf::DATE OR d.begindatum > coalesce(s.geldig_tot::DATE, DATE '9999-12-31')""",
                "GP prestatiecode valid (geldig_vanaf..geldig_tot) on the treatment date")


def test_kwalificatiecode_in_seed(db):
    assert_none(db, "SELECT DISTINCT kwalificatiecode, entiteit FROM kwalificaties "
                    "WHERE kwalificatiecode NOT IN (SELECT kwalificatiecode FROM seed_agb_kwalificaties)",
                "kwalificatiecode in agb_kwalificaties")


def test_kwalificatie_entiteit_matches_seed(db):
    assert_none(db, "SELECT DISTINCT k.kwalificatiecode, k.entiteit FROM kwalificaties k "
                    "JOIN seed_agb_kwalificaties s USING (kwalificatiecode) WHERE s.entiteit <> k.entiteit",
                "kwalificaties.entiteit equals the seed's entiteit of the code")


CODE_LISTS = [
    ("wmo_voorzieningen", "voorziening", "SELECT voorziening FROM seed_wmo_voorzieningen"),
    ("jeugdwet_trajecten", "hulpvorm", "SELECT hulpvorm FROM seed_jeugdhulpvormen"),
    ("ggz_wachttijden", "diagnosegroep", "SELECT diagnosegroep FROM seed_ggz_diagnosegroepen"),
    ("wlz_zorg", "zorgprofiel", "SELECT zorgprofiel FROM seed_wlz_zorgprofielen"),
    ("(SELECT * FROM declaraties WHERE zorgstroom = 'msz')", "diagnosecode",
     "SELECT diagnosecode FROM seed_msz_diagnosen"),
    ("(SELECT * FROM declaraties WHERE zorgstroom LIKE 'ggz%')", "diagnosecode",
     "SELECT diagnosegroep FROM seed_ggz_diagnosegroepen"),
    ("verzekerden", "uzovi", "SELECT uzovi FROM seed_zorgverzekeraars"),
    ("verzekerden", "geslacht", "VALUES ('M'), ('V'), ('O')"),
    ("zorgverleners", "geslacht", "VALUES ('M'), ('V'), ('O')"),
    ("wlz_zorg", "leveringsvorm", "VALUES ('instelling'), ('vpt'), ('mpt'), ('pgb')"),
    ("kwalificaties", "entiteit", "VALUES ('zorgverlener'), ('onderneming'), ('vestiging')"),
    ("declaraties", "debet_credit", "VALUES ('D'), ('C')"),
]


@pytest.mark.parametrize("tabel,column,allowed", CODE_LISTS,
                         ids=["wmo.voorziening", "jeugdwet.hulpvorm", "ggz_wachttijden.diagnosegroep",
                              "wlz.zorgprofiel", "msz.diagnosecode", "ggz.diagnosecode", "verzekerden.uzovi",
                              "verzekerden.geslacht", "zorgverleners.geslacht", "wlz.leveringsvorm",
                              "kwalificaties.entiteit", "declaraties.debet_credit"])
def test_codes_in_their_code_list(db, tabel, column, allowed):
    assert scalar(db, f"SELECT count({column}) FROM {tabel}") > 0, "nothing to check"
    assert_none(db, f"SELECT DISTINCT {column} FROM {tabel} t WHERE {column} IS NOT NULL "
                    f"AND {column} NOT IN ({allowed})", f"{column} in its code list")


def test_register_formats(db):
    assert_none(db, "SELECT kvk_nummer FROM ondernemingen WHERE NOT regexp_full_match(kvk_nummer, '^\\d{8}$')",
                "kvk_nummer has 8 digits")
    assert_none(db, "SELECT postcode FROM vestigingen WHERE NOT regexp_full_match(postcode, '^[1-9]\\d{3}[A-Z]{2}$')",
                "postcode is 1234AB")
    assert_none(db, "SELECT kwalificatiecode FROM kwalificaties WHERE NOT regexp_full_match(kwalificatiecode, "
                    "'^\\d{4}$')", "kwalificatiecode has 4 digits")


def test_amounts_and_counts_not_negative(db):
    assert_none(db, "SELECT regel_id, bedrag FROM declaraties WHERE bedrag < 0", "bedrag >= 0")
    assert_none(db, "SELECT regel_id, aantal FROM declaraties WHERE aantal < 1", "aantal >= 1")
    for tabel in ("wlz_zorg", "wmo_voorzieningen", "jeugdwet_trajecten"):
        assert_none(db, f"SELECT kosten FROM {tabel} WHERE kosten < 0", f"{tabel}.kosten >= 0")
    assert_none(db, "SELECT * FROM ggz_wachttijden WHERE aanmeldwachttijd_dagen < 0 OR behandelwachttijd_dagen < 0",
                "waiting times >= 0")


def test_atc_and_ddd_on_pharmacy_lines_only(db):
    assert_none(db, "SELECT regel_id FROM declaraties WHERE zorgstroom <> 'farmacie' "
                    "AND (atc_code IS NOT NULL OR ddd IS NOT NULL)", "atc_code/ddd only on pharmacy lines")
    assert_none(db, "SELECT regel_id FROM declaraties WHERE zorgstroom = 'farmacie' AND (atc_code IS NULL "
                    "OR ddd IS NULL OR ddd <= 0)", "pharmacy lines have an ATC code and positive DDD")


def test_atc_codes_are_level_5_atc_codes(db):
    # A dispensed drug has a full ATC code: letter, 2 digits, 2 letters, 2 digits (e.g. A10BA02).
    assert_none(db, "SELECT DISTINCT atc_code FROM declaraties WHERE atc_code IS NOT NULL "
                    "AND NOT regexp_full_match(atc_code, '^[A-Z]\\d{2}[A-Z]{2}\\d{2}$')", "ATC code format A99AA99")


def test_credit_lines_reverse_an_existing_debit_of_the_same_insurer(db):
    assert scalar(db, "SELECT count(*) FROM declaraties WHERE debet_credit = 'C'") > 0
    assert_none(db, "SELECT regel_id FROM declaraties WHERE debet_credit = 'D' AND origineel_regel_id IS NOT NULL",
                "a D line has no origineel_regel_id")
    assert_none(db, """
        SELECT c.uzovi, c.regel_id, c.origineel_regel_id FROM declaraties c
        WHERE c.debet_credit = 'C' AND NOT EXISTS (
            SELECT 1 FROM declaraties o WHERE o.uzovi = c.uzovi AND o.regel_id = c.origineel_regel_id
              AND o.debet_credit = 'D')""", "a C line reverses a D line of the same insurer")


def test_credit_lines_cancel_the_original_completely(db):
    assert_none(db, """
        SELECT c.regel_id FROM declaraties c
        JOIN declaraties o ON o.uzovi = c.uzovi AND o.regel_id = c.origineel_regel_id
        WHERE c.debet_credit = 'C' AND (c.bedrag <> o.bedrag OR c.persoon_id <> o.persoon_id
            OR c.prestatiecode <> o.prestatiecode OR c.aantal <> o.aantal OR c.verwerkingsdatum < o.verwerkingsdatum)""",
                "a reversal repeats the original's amount, person, code and count, processed later")


def test_no_line_reversed_twice(db):
    assert_none(db, "SELECT uzovi, origineel_regel_id FROM declaraties WHERE debet_credit = 'C' "
                    "GROUP BY ALL HAVING count(*) > 1", "an original is reversed at most once")


def test_regel_id_unique_per_insurer(db):
    assert_none(db, "SELECT uzovi, regel_id FROM declaraties GROUP BY ALL HAVING count(*) > 1",
                "regel_id unique within the insurer, across deliveries")


def test_claim_dates_in_order(db):
    assert_none(db, "SELECT regel_id, begindatum, einddatum, verwerkingsdatum FROM declaraties "
                    "WHERE NOT (begindatum <= einddatum AND einddatum <= verwerkingsdatum)",
                "begindatum <= einddatum <= verwerkingsdatum")


def test_verwerkingsdatum_in_the_delivery_month(db):
    assert_none(db, "SELECT aanlevering_id, verwerkingsdatum FROM declaraties "
                    "WHERE strftime(verwerkingsdatum, '%Y-%m') <> periode", "month(verwerkingsdatum) = periode")


def test_uzovi_column_is_the_leverancier(db):
    for tabel in ("declaraties", "verzekerden"):
        assert_none(db, f"SELECT aanlevering_id, uzovi FROM {tabel} WHERE uzovi <> leverancier",
                    f"{tabel}.uzovi = the delivering insurer")


def test_jeugdwet_gemeentecode_is_the_leverancier(db):
    assert_none(db, "SELECT aanlevering_id, gemeentecode FROM jeugdwet_trajecten WHERE gemeentecode <> leverancier",
                "Jeugdwet gemeentecode = leverancier")


DATE_COLUMNS = [(bron, tabel, c.name) for bron, s in SOURCES.items() for tabel, cols in s.tables.items()
                for c in cols if c.type == "date"]


@pytest.mark.parametrize("bron,tabel,column", DATE_COLUMNS, ids=[f"{t}.{c}" for _, t, c in DATE_COLUMNS])
def test_no_date_after_the_delivery_was_made(db, bron, tabel, column):
    assert_none(db, f"SELECT aanlevering_id, {column}, aangemaakt_datum FROM {tabel} "
                    f"WHERE {column} > aangemaakt_datum", f"{tabel}.{column} <= the manifest's aangemaakt_op")


PERIOD_TABLES = [(b, t) for b, s in SOURCES.items() for t, cols in s.tables.items()
                 if {"begindatum", "einddatum"} <= {c.name for c in cols}]


@pytest.mark.parametrize("bron,tabel", [
    (b, t) for b, t in PERIOD_TABLES], ids=[t for _, t in PERIOD_TABLES])
def test_begindatum_not_after_einddatum(db, bron, tabel):
    assert_none(db, f"SELECT aanlevering_id, begindatum, einddatum FROM {tabel} WHERE begindatum > einddatum",
                f"{tabel}: begindatum <= einddatum")


def test_claims_only_for_persons_insured_with_that_insurer(db):
    assert_none(db, """
        SELECT d.uzovi, d.regel_id FROM declaraties d
        WHERE NOT EXISTS (SELECT 1 FROM verzekerden v WHERE v.persoon_id = d.persoon_id AND v.uzovi = d.uzovi
                          AND v.begindatum <= d.einddatum AND coalesce(v.einddatum, d.begindatum) >= d.begindatum)""",
                "the person is insured with the claiming insurer during the treatment")


def test_claim_declarants_are_in_the_agb_register(db):
    assert_none(db, "SELECT DISTINCT declarant_agb FROM declaraties "
                    "WHERE declarant_agb NOT IN (SELECT onderneming_agb FROM ondernemingen)",
                "declarant_agb is an onderneming of the AGB register")


def test_claim_zorgverleners_are_in_the_agb_register(db):
    assert_none(db, "SELECT DISTINCT zorgverlener_agb FROM declaraties WHERE zorgverlener_agb IS NOT NULL "
                    "AND zorgverlener_agb NOT IN (SELECT zorgverlener_agb FROM zorgverleners)",
                "zorgverlener_agb is a zorgverlener of the AGB register")


def test_claim_declarants_active_on_the_treatment_date(db):
    assert_none(db, """
        SELECT d.zorgstroom, d.declarant_agb, d.begindatum, o.begindatum, o.einddatum FROM declaraties d
        JOIN (SELECT * FROM ondernemingen WHERE periode = (SELECT max(periode) FROM ondernemingen)) o
          ON o.onderneming_agb = d.declarant_agb
        WHERE d.begindatum < o.begindatum OR d.begindatum > coalesce(o.einddatum, d.begindatum)""",
                "the declaring onderneming is active on the treatment date")


# ================================================================ 3. determinism

@pytest.fixture(scope="module")
def determinism_runs(generate_dataset):
    cfg = dict(scale=0.0005, years=[2023])
    return (generate_dataset("det_a", seed=7, **cfg), generate_dataset("det_b", seed=7, **cfg),
            generate_dataset("det_c", seed=8, **cfg))


def _manifests(ds: Dataset) -> dict[str, dict]:
    return {d.manifest["aanlevering_id"]: d.manifest for d in ds.deliveries}


def _digests(ds: Dataset) -> dict[tuple[str, str], tuple[str, int]]:
    return {(d.manifest["aanlevering_id"], b["naam"]): (b["sha256"], b["rijen"])
            for d in ds.deliveries for b in d.manifest["bestanden"]}


def test_same_config_gives_identical_deliveries(determinism_runs):
    a, b, _ = determinism_runs
    assert a.deliveries and _manifests(a) == _manifests(b)
    assert a.rows == b.rows
    for d in b.deliveries:  # the manifests tell the truth about the bytes
        for bestand in d.manifest["bestanden"]:
            assert sha256_file(d.folder / bestand["naam"]) == bestand["sha256"]


def test_different_seed_gives_different_data(determinism_runs):
    a, _, c = determinism_runs
    da, dc = _digests(a), _digests(c)
    assert da != dc
    same = [k for k in da.keys() & dc.keys() if da[k] == dc[k] and da[k][1] > 0]
    assert not same, f"non-empty files identical under another seed: {same[:5]}"
    for bron in SOURCES:
        assert {k: v for k, v in da.items() if k[0].startswith(bron + "-")} != \
               {k: v for k, v in dc.items() if k[0].startswith(bron + "-")}, bron


# ================================================================ 4. patterns the products need

FEE = "zorgstroom = 'huisarts_inschrijftarief'"
FEES = f"(SELECT * FROM declaraties WHERE {FEE} AND debet_credit = 'D')"


def test_reversal_share_between_half_and_three_percent(db):
    d, c = db.execute("SELECT count(*) FILTER (WHERE debet_credit = 'D'), count(*) FILTER (WHERE debet_credit = 'C') "
                      "FROM declaraties").fetchone()
    assert 0.005 <= c / d <= 0.03, f"{c} reversals on {d} D lines"


def test_several_insurers_and_switchers_on_1_january(db, parquet_dataset):
    assert scalar(db, "SELECT count(DISTINCT uzovi) FROM verzekerden") >= 3
    assert scalar(db, "SELECT count(DISTINCT uzovi) FROM declaraties") >= 3
    for y in years(parquet_dataset)[:-1]:
        n = scalar(db, f"""
            SELECT count(DISTINCT a.persoon_id) FROM verzekerden a JOIN verzekerden b USING (persoon_id)
            WHERE a.periode = '{y}' AND b.periode = '{y + 1}' AND a.uzovi <> b.uzovi
              AND a.einddatum = DATE '{y}-12-31' AND b.begindatum = DATE '{y + 1}-01-01'""")
        assert n > 0, f"nobody switches insurer on 1 January {y + 1}"


def test_registration_fees_per_quarter(db, parquet_dataset):
    assert_none(db, f"""SELECT begindatum, einddatum FROM declaraties WHERE {FEE}
        AND NOT (begindatum = date_trunc('quarter', begindatum)
                 AND einddatum = date_trunc('quarter', begindatum) + INTERVAL 3 MONTH - INTERVAL 1 DAY)""",
                "a registration fee covers exactly one calendar quarter")
    assert_none(db, f"""SELECT d.prestatiecode FROM declaraties d JOIN seed_huisarts_prestatiecodes s
        USING (prestatiecode) WHERE d.{FEE} AND s.groep NOT IN ('inschrijving', 'all_in')""",
                "registration-fee lines carry an inschrijving (or all-in) code")
    quarters = {r[0] for r in db.execute(f"""SELECT DISTINCT strftime(d.begindatum, '%Y-%m-%d') FROM {FEES} d
        JOIN seed_huisarts_prestatiecodes s USING (prestatiecode) WHERE s.groep = 'inschrijving'""").fetchall()}
    expected = {f"{y}-{m:02d}-01" for y in years(parquet_dataset) for m in (1, 4, 7, 10)}
    assert expected <= quarters, f"quarters without inschrijving fees: {sorted(expected - quarters)}"


def test_persons_with_a_q3_fee_and_persons_with_fees_outside_q3_only(db):
    per_year = f"""SELECT persoon_id, year(begindatum) AS jaar, bool_or(quarter(begindatum) = 3) AS q3
                   FROM {FEES} GROUP BY ALL"""
    assert scalar(db, f"SELECT count(*) FROM ({per_year}) WHERE q3") > 0
    assert scalar(db, f"SELECT count(*) FROM ({per_year}) WHERE NOT q3") > 0, \
        "nobody has fees in Q1, Q2 or Q4 of a year but none in Q3"


def test_no_fee_for_a_quarter_starting_before_birth(db):
    assert_none(db, f"""SELECT f.persoon_id, f.begindatum, v.geboortedatum FROM {FEES} f
        JOIN (SELECT DISTINCT persoon_id, geboortedatum FROM verzekerden) v USING (persoon_id)
        WHERE f.begindatum <= v.geboortedatum""", "a fee only for quarters that start after birth")


def test_babies_born_in_q4_2022_first_fee_in_q1_2023(db):
    n = scalar(db, f"""
        SELECT count(*) FROM (SELECT DISTINCT persoon_id FROM verzekerden
                              WHERE geboortedatum > DATE '2022-10-01' AND geboortedatum <= DATE '2022-12-31') b
        JOIN (SELECT persoon_id, min(begindatum) AS first_fee FROM {FEES} GROUP BY 1) f USING (persoon_id)
        WHERE f.first_fee = DATE '2023-01-01'""")
    assert n > 0


def test_all_in_tariff_lines(db):
    assert scalar(db, f"SELECT count(*) FROM {FEES} JOIN seed_huisarts_prestatiecodes s USING (prestatiecode) "
                      "WHERE s.groep = 'all_in'") > 0


def test_fees_from_two_practices_in_the_same_quarter(db):
    assert scalar(db, f"SELECT count(*) FROM (SELECT persoon_id, begindatum FROM {FEES} GROUP BY ALL "
                      "HAVING count(DISTINCT declarant_agb) >= 2)") > 0


LAST_SNAPSHOT = "(SELECT max(periode) FROM manifest WHERE bron = 'agb_register')"


def test_gps_working_at_two_vestigingen_at_once(db):
    n = scalar(db, f"""
        SELECT count(DISTINCT a.zorgverlener_agb) FROM werkrelaties a JOIN werkrelaties b
          ON a.zorgverlener_agb = b.zorgverlener_agb AND a.periode = b.periode AND a.vestiging_agb < b.vestiging_agb
        JOIN kwalificaties k ON k.agb_code = a.zorgverlener_agb AND k.periode = a.periode
        WHERE k.kwalificatiecode = '0101' AND a.periode = {LAST_SNAPSHOT}
          AND a.begindatum <= coalesce(b.einddatum, a.begindatum) AND b.begindatum <= coalesce(a.einddatum, b.begindatum)""")
    assert n > 0


def test_waarnemers_with_werkrelaties(db):
    n = scalar(db, f"""
        SELECT count(DISTINCT k.agb_code) FROM kwalificaties k
        JOIN werkrelaties w ON w.zorgverlener_agb = k.agb_code AND w.periode = k.periode
        WHERE k.kwalificatiecode = '0103' AND k.einddatum IS NULL AND k.periode = {LAST_SNAPSHOT}""")
    assert n > 0


def test_practices_with_fewer_than_100_q3_patients(db):
    n = scalar(db, f"""SELECT count(*) FROM (
        SELECT declarant_agb, year(begindatum), count(DISTINCT persoon_id) AS n FROM {FEES}
        WHERE quarter(begindatum) = 3 GROUP BY ALL) WHERE n > 0 AND n < 100""")
    assert n > 0


def test_practice_starting_or_stopping_within_the_generated_years(db, parquet_dataset):
    first, last = years(parquet_dataset)[0], years(parquet_dataset)[-1]
    n = scalar(db, f"""
        SELECT count(*) FROM ondernemingen o JOIN kwalificaties k
          ON k.agb_code = o.onderneming_agb AND k.periode = o.periode AND k.kwalificatiecode = '0100'
        WHERE o.periode = {LAST_SNAPSHOT}
          AND (o.begindatum BETWEEN DATE '{first}-01-01' AND DATE '{last}-12-31'
               OR o.einddatum BETWEEN DATE '{first}-01-01' AND DATE '{last}-12-31')""")
    assert n > 0


WLZ_BEH = """(SELECT persoon_id, min(begindatum) AS wlz_begin FROM wlz_zorg
              WHERE leveringsvorm = 'instelling' AND met_behandeling GROUP BY 1)"""


def test_wlz_residents_with_treatment_get_no_fee_after_their_wlz_start(db):
    assert scalar(db, f"SELECT count(*) FROM {WLZ_BEH}") > 0
    # The rule: the institution provides GP care, so no registration fee for quarters after the start.
    assert_none(db, f"SELECT w.persoon_id, w.wlz_begin, f.begindatum FROM {WLZ_BEH} w JOIN {FEES} f "
                    "USING (persoon_id) WHERE f.begindatum > w.wlz_begin",
                "no registration fee for a quarter starting after the Wlz begindatum (instelling, met behandeling)")
    # The pattern: such persons had fees before their Wlz start, within the data.
    assert scalar(db, f"""SELECT count(DISTINCT w.persoon_id) FROM {WLZ_BEH} w JOIN {FEES} f USING (persoon_id)
                          WHERE f.begindatum <= w.wlz_begin""") > 0


def test_insured_on_1_july_without_any_fee_that_year(db, parquet_dataset):
    for y in years(parquet_dataset):
        n = scalar(db, f"""
            SELECT count(DISTINCT v.persoon_id) FROM verzekerden v
            WHERE v.begindatum <= DATE '{y}-07-01' AND coalesce(v.einddatum, DATE '{y}-07-01') >= DATE '{y}-07-01'
              AND NOT EXISTS (SELECT 1 FROM {FEES} f WHERE f.persoon_id = v.persoon_id AND year(f.begindatum) = {y})""")
        assert n > 0, y


@pytest.mark.parametrize("tabel", ["vestigingen", "werkrelaties", "ondernemingen"])
def test_inactive_register_entries_at_the_last_snapshot(db, tabel):
    assert scalar(db, f"SELECT count(*) FROM {tabel} WHERE periode = {LAST_SNAPSHOT} "
                      "AND einddatum < periode::DATE") > 0


def test_ggz_epa_patients_in_both_years(db, parquet_dataset):
    yrs = years(parquet_dataset)
    n = scalar(db, f"""
        SELECT count(*) FROM (
            SELECT d.persoon_id FROM declaraties d JOIN seed_ggz_diagnosegroepen s ON s.diagnosegroep = d.diagnosecode
            WHERE d.zorgstroom LIKE 'ggz%' AND s.is_epa_diagnose = 'true' AND year(d.begindatum) IN ({yrs[0]}, {yrs[-1]})
            GROUP BY 1 HAVING count(DISTINCT year(d.begindatum)) = 2)""")
    assert n > 0


def test_crisis_consults_and_crisis_stays(db):
    assert scalar(db, "SELECT count(*) FROM declaraties WHERE prestatiecode = 'CO-CRISIS'") > 0
    assert scalar(db, "SELECT count(*) FROM declaraties WHERE prestatiecode = 'VB-CRISIS' AND aantal > 1") > 0


def test_dementia_diagnoses(db):
    assert scalar(db, "SELECT count(*) FROM declaraties d JOIN seed_msz_diagnosen s USING (diagnosecode) "
                      "WHERE d.zorgstroom = 'msz' AND s.is_dementie = 'true'") > 0
    assert scalar(db, "SELECT count(*) FROM declaraties d JOIN seed_ggz_diagnosegroepen s "
                      "ON s.diagnosegroep = d.diagnosecode WHERE d.zorgstroom LIKE 'ggz%' AND s.is_dementie = 'true'") > 0


def test_pharmacy_fkg_lines_and_chronic_users(db):
    assert scalar(db, "SELECT count(*) FROM declaraties d JOIN seed_atc_fkg f ON starts_with(d.atc_code, f.atc_prefix) "
                      "WHERE d.zorgstroom = 'farmacie'") > 0
    # Net yearly DDD (reversals subtract) per person and FKG, against the seed's threshold.
    n = scalar(db, """
        SELECT count(*) FROM (
            SELECT d.persoon_id, year(d.begindatum), f.fkg_code, any_value(f.ddd_drempel::DECIMAL(14, 2)) AS drempel,
                   sum(CASE WHEN d.debet_credit = 'D' THEN d.ddd ELSE -d.ddd END) AS ddd
            FROM declaraties d JOIN seed_atc_fkg f ON starts_with(d.atc_code, f.atc_prefix)
            WHERE d.zorgstroom = 'farmacie' GROUP BY ALL) WHERE ddd >= drempel""")
    assert n > 0


def test_consults_outside_office_hours(db):
    assert scalar(db, "SELECT count(*) FROM declaraties d JOIN seed_huisarts_prestatiecodes s USING (prestatiecode) "
                      "WHERE s.kantoortijden = 'buiten'") > 0


def test_every_listed_consult_and_visit_code_is_claimed(db, parquet_dataset):
    """Every code the generator uses in a year (params: the consult codes of the year's period, before or
    after the 2022 consult change; tests/python/test_huisarts_codelijst.py shows both periods together
    cover the Dashboard huisartsenzorg's list) is claimed in it, under zorgstroom huisarts_consult."""
    from zorgspiegel.generator import params

    for y in years(parquet_dataset):
        nieuw = scalar(db, f"SELECT geldig_tot::DATE < DATE '{y}-07-01' FROM seed_huisarts_prestatiecodes "
                           "WHERE prestatiecode = '12000'")
        periode = "vanaf_2022" if nieuw else "tot_2022"
        verwacht = {*params.GP_CONSULT_CODES_IN_HOURS[periode], *params.GP_VISIT_CODES_IN_HOURS,
                    *params.GP_CONSULT_CODES_OUT_OF_HOURS[periode], *params.GP_VISIT_CODES_OUT_OF_HOURS}
        geclaimd = {r[0] for r in db.execute(f"""
            SELECT DISTINCT prestatiecode FROM declaraties
            WHERE zorgstroom = 'huisarts_consult' AND year(begindatum) = {y}""").fetchall()}
        assert verwacht <= geclaimd, (y, sorted(verwacht - geclaimd))


def test_out_of_hours_share_and_who_claims_it(db):
    """About 8 % of consults and visits outside office hours (params.GP_OUT_OF_HOURS_SHARE); HAP/HDS codes
    claimed by a huisartsenpost (onderneming kwalificatie 0198), the ANW codes by a GP practice (0100)."""
    lijnen = """(SELECT d.declarant_agb, s.prestatiecode, s.kantoortijden FROM declaraties d
                 JOIN seed_huisarts_prestatiecodes s USING (prestatiecode)
                 WHERE d.debet_credit = 'D' AND s.groep IN ('consult', 'visite'))"""
    buiten = scalar(db, f"SELECT avg((kantoortijden = 'buiten')::INT) FROM {lijnen}")
    assert 0.07 < buiten < 0.09, buiten
    soort = db.execute(f"""
        SELECT left(l.prestatiecode, 3) AS reeks, k.kwalificatiecode, count(*) FROM {lijnen} l
        JOIN (SELECT DISTINCT agb_code, kwalificatiecode FROM kwalificaties WHERE entiteit = 'onderneming') k
          ON k.agb_code = l.declarant_agb
        WHERE l.kantoortijden = 'buiten' GROUP BY ALL ORDER BY ALL""").fetchall()
    assert {(reeks, kwal) for reeks, kwal, _ in soort} == {("123", "0198"), ("122", "0100")}, soort


def test_wmo_and_jeugdwet_for_many_gemeenten(db, parquet_dataset):
    # "Many": at least half of the CBS gemeenten, in every generated year.
    half = scalar(db, "SELECT count(*) FROM seed_cbs_gemeenten") / 2
    for y in years(parquet_dataset):
        assert scalar(db, f"SELECT count(DISTINCT gemeentecode) FROM wmo_voorzieningen WHERE periode = '{y}'") >= half
        assert scalar(db, f"SELECT count(DISTINCT leverancier) FROM manifest WHERE bron = 'jeugdwet_trajecten' "
                          f"AND periode = '{y}'") >= half


def test_ggz_waiting_times_per_provider_per_month(db, parquet_dataset):
    per_provider = db.execute("SELECT leverancier, list(DISTINCT periode) FROM manifest "
                              "WHERE bron = 'ggz_wachttijden' GROUP BY 1").fetchall()
    assert len(per_provider) >= 2, "waiting times of several providers"
    for lev, periodes in per_provider:
        assert set(periodes) == months(parquet_dataset), lev
    assert_none(db, "SELECT aanlevering_id, aanbieder_agb FROM ggz_wachttijden WHERE aanbieder_agb <> leverancier",
                "aanbieder_agb = leverancier")
    assert_none(db, "SELECT aanlevering_id, peildatum FROM ggz_wachttijden WHERE strftime(peildatum, '%Y-%m') <> periode",
                "peildatum in the delivery month")
    assert_none(db, """SELECT DISTINCT g.aanbieder_agb, g.vestiging_agb FROM ggz_wachttijden g
        WHERE NOT EXISTS (SELECT 1 FROM vestigingen v WHERE v.vestiging_agb = g.vestiging_agb
                          AND v.onderneming_agb = g.aanbieder_agb)""",
                "the vestiging belongs to the provider in the AGB register")
    assert scalar(db, "SELECT count(*) FROM ggz_wachttijden") > 0


def test_late_msz_claims_and_prompt_gp_claims(db):
    assert scalar(db, "SELECT count(*) FROM declaraties WHERE zorgstroom = 'msz' AND debet_credit = 'D' "
                      "AND verwerkingsdatum > einddatum + INTERVAL 6 MONTH") > 0
    share = scalar(db, "SELECT avg((verwerkingsdatum <= einddatum + INTERVAL 3 MONTH)::INT) FROM declaraties "
                       "WHERE zorgstroom LIKE 'huisarts%' AND debet_credit = 'D'")
    assert share >= 0.95, f"only {share:.1%} of GP claims processed within 3 months"


# ================================================================ 5. row counts

def test_returned_row_counts_equal_the_manifests(parquet_dataset):
    from_manifests = Counter()
    for d in parquet_dataset.deliveries:
        from_manifests[d.bron] += sum(b["rijen"] for b in d.manifest["bestanden"])
    assert parquet_dataset.rows == from_manifests
    assert set(from_manifests) == set(SOURCES)


def test_returned_row_counts_equal_the_manifests_csv(csv_dataset):
    from_manifests = Counter()
    for d in csv_dataset.deliveries:
        from_manifests[d.bron] += sum(b["rijen"] for b in d.manifest["bestanden"])
    assert csv_dataset.rows == from_manifests
