"""Tests for zorgspiegel.generator.faults: every fault delivery has exactly the intended error.

The tests build their own tiny clean root (Parquet and CSV) with writer.write_delivery, so they
do not depend on the synthetic generator.
"""
from __future__ import annotations

import hashlib
import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from zorgspiegel.generator.faults import FAULT_KINDS, write_fault_catalogue
from zorgspiegel.generator.writer import sha256_of, write_delivery
from zorgspiegel.spec import arrow_schema, to_table

SEED = 7
EXPECTED_KINDS = {
    "truncated_file", "checksum_mismatch", "row_count_mismatch", "missing_column", "wrong_type",
    "invalid_agb_code", "invalid_persoon_id", "unknown_prestatiecode", "unknown_buurtcode", "future_dates",
    "negative_amount", "reversal_without_original", "double_reversal", "duplicate_regel_id",
    "redelivery_changed_content", "csv_wrong_separator", "csv_wrong_encoding", "jeugdwet_other_gemeente",
}
WHOLE_DELIVERY = {"truncated_file", "checksum_mismatch", "row_count_mismatch", "missing_column", "wrong_type",
                  "redelivery_changed_content", "csv_wrong_separator", "csv_wrong_encoding"}
CREATED = "2023-08-04T02:13:00+02:00"
PID = re.compile(r"^[0-9a-f]{64}$")
AGB = re.compile(r"^\d{8}$")


# ---------------------------------------------------------------- a tiny clean root

def pid(i: int) -> str:
    return hashlib.sha256(f"persoon-{i}".encode()).hexdigest()


def declaraties(periode: str, n: int, reversals: int = 0) -> pa.Table:
    """n valid GP consult lines; the last `reversals` lines are C lines reversing the first ones."""
    first = date.fromisoformat(f"{periode}-01")
    ids = [f"3311-{periode}-{i:06d}" for i in range(n)]
    credit = [i >= n - reversals for i in range(n)]
    return to_table("zvw_declaraties", "declaraties", {
        "regel_id": ids,
        "uzovi": ["3311"] * n,
        "persoon_id": [pid(i % 40) for i in range(n)],
        "zorgstroom": ["huisarts_consult"] * n,
        "prestatiecode": ["12001"] * n,
        "atc_code": pa.nulls(n, pa.string()),
        "ddd": pa.nulls(n, pa.decimal128(14, 2)),
        "diagnosecode": pa.nulls(n, pa.string()),
        "begindatum": [date(2023, 1, 2) + timedelta(days=i % 20) for i in range(n)],
        "einddatum": [date(2023, 1, 2) + timedelta(days=i % 20) for i in range(n)],
        "aantal": [1] * n,
        "bedrag": [Decimal("10.85")] * n,
        "debet_credit": ["C" if c else "D" for c in credit],
        "origineel_regel_id": [ids[i - (n - reversals)] if c else None for i, c in enumerate(credit)],
        "declarant_agb": [f"0100{i % 7:04d}" for i in range(n)],
        "zorgverlener_agb": [f"0101{i % 9:04d}" for i in range(n)],
        "verwerkingsdatum": [first + timedelta(days=i % 25) for i in range(n)],
    })


def verzekerden(n: int) -> pa.Table:
    return to_table("zvw_verzekerden", "verzekerden", {
        "persoon_id": [pid(i) for i in range(n)],
        "uzovi": ["3311"] * n,
        "geboortedatum": [date(1950 + i, 3, 1) for i in range(n)],
        "geslacht": ["MVO"[i % 3] for i in range(n)],
        "buurtcode": [None if i % 10 == 0 else f"BU0014{i % 5:04d}" for i in range(n)],
        "begindatum": [date(2023, 1, 1)] * n,
        "einddatum": [None] * n,
    })


def agb_register() -> dict[str, pa.Table]:
    d, n = date(2010, 1, 1), 6
    return {
        "zorgverleners": to_table("agb_register", "zorgverleners", {
            "zorgverlener_agb": [f"0101{i:04d}" for i in range(n)], "geboortedatum": [date(1970, 1, 1)] * n,
            "geslacht": ["V"] * n, "begindatum": [d] * n, "einddatum": [None] * n}),
        "ondernemingen": to_table("agb_register", "ondernemingen", {
            "onderneming_agb": [f"0100{i:04d}" for i in range(n)],
            "naam": [f"Huisartsenpraktijk {i}" for i in range(n)],
            "kvk_nummer": [f"{10000000 + i}" for i in range(n)], "begindatum": [d] * n, "einddatum": [None] * n}),
        "vestigingen": to_table("agb_register", "vestigingen", {
            "vestiging_agb": [f"0105{i:04d}" for i in range(n)], "onderneming_agb": [f"0100{i:04d}" for i in range(n)],
            "naam": [f"Vestiging {i}" for i in range(n)], "postcode": ["9711AB"] * n,
            "gemeentecode": ["GM0014"] * n, "begindatum": [d] * n, "einddatum": [None] * n}),
        "werkrelaties": to_table("agb_register", "werkrelaties", {
            "zorgverlener_agb": [f"0101{i:04d}" for i in range(n)], "vestiging_agb": [f"0105{i:04d}" for i in range(n)],
            "begindatum": [d] * n, "einddatum": [None] * n}),
        "kwalificaties": to_table("agb_register", "kwalificaties", {
            "agb_code": [f"0101{i:04d}" for i in range(n)], "entiteit": ["zorgverlener"] * n,
            "kwalificatiecode": ["0101"] * n, "begindatum": [d] * n, "einddatum": [None] * n}),
    }


def jeugdwet(n: int, gemeente: str = "GM0014") -> pa.Table:
    return to_table("jeugdwet_trajecten", "jeugdwet_trajecten", {
        "persoon_id": [pid(100 + i) for i in range(n)], "gemeentecode": [gemeente] * n,
        "hulpvorm": ["jeugdhulp_ambulant"] * n, "begindatum": [date(2023, 2, 1)] * n,
        "einddatum": [date(2023, 6, 30) if i % 2 else None for i in range(n)],
        "kosten": [Decimal("1234.50")] * n,
    })


def build_clean_root(root: Path, fmt: str) -> Path:
    write_delivery(root, "zvw_declaraties", "3311", "2023-01", CREATED,  # too small: must be skipped
                   {"declaraties": declaraties("2023-01", 10)}, fmt)
    write_delivery(root, "zvw_declaraties", "3311", "2023-02", CREATED,
                   {"declaraties": declaraties("2023-02", 60, reversals=2)}, fmt)
    write_delivery(root, "zvw_verzekerden", "3311", "2023", CREATED, {"verzekerden": verzekerden(60)}, fmt)
    write_delivery(root, "agb_register", "VEKTIS", "2023-12-31", CREATED, agb_register(), fmt)
    write_delivery(root, "jeugdwet_trajecten", "GM0003", "2023", CREATED,  # too small: must be skipped
                   {"jeugdwet_trajecten": jeugdwet(5, "GM0003")}, fmt)
    write_delivery(root, "jeugdwet_trajecten", "GM0014", "2023", CREATED, {"jeugdwet_trajecten": jeugdwet(55)}, fmt)
    return root


# ---------------------------------------------------------------- reading fault deliveries

def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def read(folder: Path, tabel: str, typed: bool = True, delimiter: str = ";") -> pa.Table:
    """Read one data file of a delivery; typed = with the spec's column types."""
    entry = next(b for b in manifest(folder)["bestanden"] if b["tabel"] == tabel)
    path = folder / entry["naam"]
    if path.suffix == ".parquet":
        return pq.read_table(path)
    bron = manifest(folder)["bron"]
    convert = pacsv.ConvertOptions(column_types=arrow_schema(bron, tabel) if typed else None,
                                   strings_can_be_null=True)
    return pacsv.read_csv(path, parse_options=pacsv.ParseOptions(delimiter=delimiter), convert_options=convert)


def rows(folder: Path, tabel: str) -> list[dict]:
    return read(folder, tabel).to_pylist()


def clean_regel_ids(clean: Path) -> set[str]:
    return {r["regel_id"] for f in (clean / "zvw_declaraties").iterdir() for r in rows(f, "declaraties")}


@pytest.fixture(scope="module", params=["parquet", "csv"])
def built(request, tmp_path_factory) -> tuple[Path, Path, dict[str, Path]]:
    base = tmp_path_factory.mktemp(f"faults_{request.param}")
    clean = build_clean_root(base / "clean", request.param)
    faults_root = base / "faults"
    return clean, faults_root, write_fault_catalogue(clean, faults_root, SEED)


# ---------------------------------------------------------------- the catalogue as a whole

def test_fault_kinds_are_exactly_the_catalogue():
    assert set(FAULT_KINDS) == EXPECTED_KINDS and len(FAULT_KINDS) == 18
    assert all(isinstance(d, str) and d and "\n" not in d for d in FAULT_KINDS.values())


def test_every_fault_is_its_own_delivery_root(built):
    clean, faults_root, out = built
    assert set(out) == EXPECTED_KINDS
    for name, folder in out.items():
        m = manifest(folder)
        assert folder == faults_root / name / m["bron"] / m["aanlevering_id"]
        assert [p.name for p in (faults_root / name).iterdir()] == [m["bron"]]
        assert [p.name for p in (faults_root / name / m["bron"]).iterdir()] == [m["aanlevering_id"]]


def test_aanlevering_ids_are_new_except_the_redelivery(built):
    clean, _, out = built
    clean_ids = {p.name for bron in clean.iterdir() for p in bron.iterdir()}
    ids = {name: manifest(folder)["aanlevering_id"] for name, folder in out.items()}
    assert ids.pop("redelivery_changed_content") == "zvw_declaraties-3311-2023-02-001"
    assert not set(ids.values()) & clean_ids
    assert len(set(ids.values())) == len(ids)


def test_catalogue_covers_every_fault(built):
    _, faults_root, out = built
    text = (faults_root / "CATALOGUE.md").read_text(encoding="utf-8")
    table_rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(table_rows) == 18
    for name, folder in out.items():
        assert any(line.startswith(f"| `{name}` |") and manifest(folder)["aanlevering_id"] in line
                   for line in table_rows)
    data = json.loads((faults_root / "catalogue.json").read_text(encoding="utf-8"))
    assert set(data) == EXPECTED_KINDS
    assert {n for n, f in data.items() if f["bad_rows"] == 0} == WHOLE_DELIVERY


def test_manifests_are_consistent_except_the_file_faults(built):
    _, _, out = built
    for name, folder in out.items():
        if name in {"truncated_file", "checksum_mismatch", "row_count_mismatch"}:
            continue
        for b in manifest(folder)["bestanden"]:
            assert sha256_of(folder / b["naam"]) == b["sha256"], name
        if name not in {"csv_wrong_separator", "csv_wrong_encoding", "wrong_type", "missing_column"}:
            for b in manifest(folder)["bestanden"]:
                assert read(folder, b["tabel"]).num_rows == b["rijen"], name


def test_same_seed_same_bytes(built, tmp_path):
    clean, faults_root, _ = built
    again = tmp_path / "again"
    write_fault_catalogue(clean, again, SEED)

    def digests(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): sha256_of(p) for p in sorted(root.rglob("*")) if p.is_file()}
    assert digests(again) == digests(faults_root)


# ---------------------------------------------------------------- whole-delivery faults

@pytest.mark.parametrize("name", ["truncated_file", "checksum_mismatch"])
def test_file_changed_after_manifest(built, name):
    folder = built[2][name]
    (b,) = manifest(folder)["bestanden"]
    assert sha256_of(folder / b["naam"]) != b["sha256"]


def test_truncated_file_is_unreadable(built):
    folder = built[2]["truncated_file"]
    if (folder / "declaraties.parquet").exists():
        with pytest.raises(pa.ArrowInvalid):
            pq.read_table(folder / "declaraties.parquet")
    else:  # a cut CSV still parses up to the cut, but never to the manifest's row count
        (b,) = manifest(folder)["bestanden"]
        assert (folder / b["naam"]).read_bytes().count(b"\n") - 1 < b["rijen"]


def test_checksum_mismatch_changes_one_value(built):
    clean, _, out = built
    t = read(out["checksum_mismatch"], "declaraties")
    assert t.num_rows == manifest(out["checksum_mismatch"])["bestanden"][0]["rijen"] == 50
    assert pc.sum(pc.not_equal(t["bedrag"], pa.scalar(Decimal("10.85"), t["bedrag"].type))).as_py() == 1


def test_row_count_mismatch(built):
    folder = built[2]["row_count_mismatch"]
    (b,) = manifest(folder)["bestanden"]
    assert sha256_of(folder / b["naam"]) == b["sha256"]
    assert read(folder, "declaraties").num_rows != b["rijen"]


def test_missing_column(built):
    t = read(built[2]["missing_column"], "declaraties", typed=False)
    assert "prestatiecode" not in t.column_names
    assert t.num_columns == len(arrow_schema("zvw_declaraties", "declaraties")) - 1


def test_wrong_type(built):
    t = read(built[2]["wrong_type"], "declaraties", typed=False)
    assert t.schema.field("begindatum").type == pa.string()
    assert all(re.fullmatch(r"\d{2}-\d{2}-\d{4}", v) for v in t["begindatum"].to_pylist())


def test_redelivery_changed_content(built):
    clean, _, out = built
    folder = out["redelivery_changed_content"]
    original = clean / "zvw_declaraties" / folder.name
    old, new = manifest(original), manifest(folder)
    assert new["aanlevering_id"] == old["aanlevering_id"]
    assert [b["naam"] for b in new["bestanden"]] == [b["naam"] for b in old["bestanden"]]
    assert new["bestanden"][0]["sha256"] != old["bestanden"][0]["sha256"]
    assert new["bestanden"][0]["rijen"] == old["bestanden"][0]["rijen"] == 60
    a, b = rows(original, "declaraties"), rows(folder, "declaraties")
    assert sum(x != y for x, y in zip(a, b)) == 1
    assert sum(x["bedrag"] != y["bedrag"] for x, y in zip(a, b)) == 1


def test_csv_wrong_separator(built):
    folder = built[2]["csv_wrong_separator"]
    header = (folder / "declaraties.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "," in header and ";" not in header
    assert read(folder, "declaraties", delimiter=",").num_rows == manifest(folder)["bestanden"][0]["rijen"]


def test_csv_wrong_encoding(built):
    folder = built[2]["csv_wrong_encoding"]
    data = (folder / "ondernemingen.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1252")
    assert "é" in text and "ë" in text
    assert {b["tabel"] for b in manifest(folder)["bestanden"]} == set(agb_register())


# ---------------------------------------------------------------- row-level faults

def count(folder: Path, tabel: str, predicate) -> int:
    return sum(bool(predicate(r)) for r in rows(folder, tabel))


def test_row_faults_are_small_and_otherwise_clean(built):
    _, _, out = built
    for name in EXPECTED_KINDS - WHOLE_DELIVERY:
        (b,) = manifest(out[name])["bestanden"]
        assert 40 <= b["rijen"] <= 60, name


def test_invalid_agb_code(built):
    folder = built[2]["invalid_agb_code"]
    bad = [r["declarant_agb"] for r in rows(folder, "declaraties") if not AGB.match(r["declarant_agb"])]
    assert sorted(bad) == ["0101234X", "12345"]


def test_invalid_persoon_id(built):
    assert count(built[2]["invalid_persoon_id"], "declaraties", lambda r: not PID.match(r["persoon_id"])) == 2


def test_unknown_prestatiecode(built):
    folder = built[2]["unknown_prestatiecode"]
    assert count(folder, "declaraties", lambda r: r["prestatiecode"] == "99999") == 2
    assert count(folder, "declaraties", lambda r: r["prestatiecode"] != "12001") == 2


def test_unknown_buurtcode(built):
    assert count(built[2]["unknown_buurtcode"], "verzekerden", lambda r: r["buurtcode"] == "BU99999999") == 2


def test_future_dates(built):
    folder = built[2]["future_dates"]
    made = date.fromisoformat(manifest(folder)["aangemaakt_op"][:10])
    dates = ("begindatum", "einddatum", "verwerkingsdatum")
    assert count(folder, "declaraties", lambda r: any(r[c] > made for c in dates)) == 2
    assert count(folder, "declaraties", lambda r: r["begindatum"] > r["einddatum"]) == 0


def test_negative_amount(built):
    folder = built[2]["negative_amount"]
    assert count(folder, "declaraties", lambda r: r["bedrag"] < 0) == 2
    assert count(folder, "declaraties", lambda r: r["bedrag"] == Decimal("-12.50")) == 2


def test_reversal_without_original(built):
    clean, _, out = built
    lines = rows(out["reversal_without_original"], "declaraties")
    known = clean_regel_ids(clean) | {r["regel_id"] for r in lines}
    credit = [r for r in lines if r["debet_credit"] == "C"]
    assert len(credit) == 1 and credit[0]["origineel_regel_id"] not in known


def test_double_reversal(built):
    lines = rows(built[2]["double_reversal"], "declaraties")
    credit = [r for r in lines if r["debet_credit"] == "C"]
    assert len(credit) == 2 and credit[0]["origineel_regel_id"] == credit[1]["origineel_regel_id"]
    originals = [r for r in lines if r["regel_id"] == credit[0]["origineel_regel_id"]]
    assert len(originals) == 1 and originals[0]["debet_credit"] == "D"
    assert originals[0]["bedrag"] == credit[0]["bedrag"] >= 0


def test_duplicate_regel_id(built):
    clean, _, out = built
    ids = [r["regel_id"] for r in rows(out["duplicate_regel_id"], "declaraties")]
    assert len(ids) - len(set(ids)) == 1  # one id twice within the delivery
    assert sum(i in clean_regel_ids(clean) for i in ids) == 1  # one id from the clean delivery


def test_no_accidental_duplicates_or_reversals(built):
    """Row faults other than the regel_id / reversal ones have unique new ids and only D lines."""
    clean, _, out = built
    known = clean_regel_ids(clean)
    for name in ("invalid_agb_code", "invalid_persoon_id", "unknown_prestatiecode", "future_dates",
                 "negative_amount"):
        lines = rows(out[name], "declaraties")
        ids = [r["regel_id"] for r in lines]
        assert len(set(ids)) == len(ids) and not set(ids) & known, name
        assert {r["debet_credit"] for r in lines} == {"D"}, name


def test_jeugdwet_other_gemeente(built):
    folder = built[2]["jeugdwet_other_gemeente"]
    leverancier = manifest(folder)["leverancier"]
    assert leverancier == "GM0014"
    assert count(folder, "jeugdwet_trajecten", lambda r: r["gemeentecode"] != leverancier) == 2
