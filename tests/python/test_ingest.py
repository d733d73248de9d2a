"""Ingest: a clean data set lands whole; every fault of the generator's catalogue is rejected or
quarantined with its own rule; redelivery is a no-op; counts reconcile; a crash leaves nothing."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from zorgspiegel.cli import main
from zorgspiegel.deliveries import find_deliveries
from zorgspiegel.generator.faults import FAULT_KINDS, write_fault_catalogue
from zorgspiegel.generator.generate import GenerateConfig, generate
from zorgspiegel.ingest import run as run_module
from zorgspiegel.ingest.expectations import Validator
from zorgspiegel.ingest.run import Ingest, chunks
from zorgspiegel.ingest.warehouse import raw_table
from zorgspiegel.spec import SOURCES

# fault -> (expected status, the rule that must be named)
EXPECTED = {
    "truncated_file": ("afgewezen", "checksum"),
    "checksum_mismatch": ("afgewezen", "checksum"),
    "row_count_mismatch": ("afgewezen", "aantal_rijen"),
    "missing_column": ("afgewezen", "kolommen"),
    "wrong_type": ("afgewezen", "kolomtype"),
    "invalid_agb_code": ("geaccepteerd_met_quarantaine", "agb_ongeldig"),
    "invalid_persoon_id": ("geaccepteerd_met_quarantaine", "persoon_id_ongeldig"),
    "unknown_prestatiecode": ("geaccepteerd_met_quarantaine", "prestatiecode_onbekend"),
    "unknown_buurtcode": ("geaccepteerd_met_quarantaine", "buurtcode_onbekend"),
    "future_dates": ("geaccepteerd_met_quarantaine", "datum_in_toekomst"),
    "negative_amount": ("geaccepteerd_met_quarantaine", "bedrag_negatief"),
    "reversal_without_original": ("geaccepteerd_met_quarantaine", "terugdraaiing_zonder_origineel"),
    "double_reversal": ("geaccepteerd_met_quarantaine", "dubbele_terugdraaiing"),
    "duplicate_regel_id": ("geaccepteerd_met_quarantaine", "regel_id_dubbel"),
    "redelivery_changed_content": ("afgewezen", "al_aangeleverd"),
    "csv_wrong_separator": ("afgewezen", "scheidingsteken"),
    "csv_wrong_encoding": ("afgewezen", "codering"),
    "jeugdwet_other_gemeente": ("geaccepteerd_met_quarantaine", "andere_gemeente"),
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("ingest")
    clean = root / "deliveries"
    generate(GenerateConfig(scale=0.0005, years=[2023], seed=5, out=clean), progress=lambda m: None)
    catalogue = write_fault_catalogue(clean, root / "faults", seed=5)
    db = root / "warehouse.duckdb"
    lines: list[str] = []
    # A high threshold: small fault deliveries must reach the row-level outcome they were built for.
    ing = Ingest(db, root / "gx", max_afgekeurd=0.5, echo=lines.append)
    first = ing.run([clean])
    faults = ing.run([root / "faults"])
    again = ing.run([clean])
    ing.con.close()
    return {"root": root, "clean": clean, "db": db, "first": first, "faults": faults, "again": again,
            "catalogue": catalogue, "lines": lines, "gx": root / "gx"}


def _query(db: Path, sql: str, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_clean_data_set_is_accepted_whole(warehouse):
    expected = {d.id: d.rows() for d in find_deliveries(warehouse["clean"])}
    assert {a.id for a in warehouse["first"]} == set(expected)
    for a in warehouse["first"]:
        assert a.status == "geaccepteerd", (a.id, a.reden, a.failed_rules)
        assert a.loaded == expected[a.id] and a.quarantined == 0


def test_expected_table_covers_the_whole_catalogue():
    assert set(EXPECTED) == set(FAULT_KINDS)


@pytest.mark.parametrize("fault", sorted(EXPECTED))
def test_fault_is_caught_with_its_rule(warehouse, fault):
    status, rule = EXPECTED[fault]
    entry = json.loads((warehouse["root"] / "faults" / "catalogue.json").read_text())[fault]
    attempt = next(a for a in warehouse["faults"] if str(a.folder).endswith(entry["folder"]))
    assert attempt.status == status, (attempt.reden, attempt.failed_rules)
    assert rule in attempt.failed_rules, attempt.failed_rules
    if status == "afgewezen":
        assert attempt.reden.startswith(rule) and attempt.loaded == 0
        assert str(attempt.folder) in attempt.reden or rule == "al_aangeleverd"  # the message names the file
    else:
        assert attempt.quarantined == entry["bad_rows"]
        rules = _query(warehouse["db"], "select distinct regel from ingest.quarantaine where aanlevering_id = ?",
                       [attempt.id])
        assert rule in {r[0] for r in rules}
        (tabel,) = SOURCES[attempt.bron].tables  # every row fault is in a one-table source
        loaded = _query(warehouse["db"], f"select count(*) from {raw_table(attempt.bron, tabel)} "
                        "where aanlevering_id = ?", [attempt.id])
        assert loaded[0][0] == attempt.rows - entry["bad_rows"]


def test_quarantine_names_file_row_rule_and_keeps_the_row(warehouse):
    rows = _query(warehouse["db"], """
        select bestand, rijnummer, regel, kolom, waarde, rij from ingest.quarantaine
        where regel = 'prestatiecode_onbekend'""")
    assert len(rows) == 2
    for bestand, rijnummer, regel, kolom, waarde, rij in rows:
        assert bestand == "declaraties.parquet" and rijnummer >= 1 and kolom == "prestatiecode" and waarde == "99999"
        assert json.loads(rij)["prestatiecode"] == "99999"


def test_every_attempt_reconciles(warehouse):
    bad = _query(warehouse["db"], """
        select aanlevering_id, status, rijen_ontvangen, rijen_geladen, rijen_quarantaine
        from ingest.aanleverlog where rijen_ontvangen <> rijen_geladen + rijen_quarantaine""")
    assert bad == []
    # Quarantined rows per attempt are exactly the distinct (table, row) pairs kept for it.
    mismatch = _query(warehouse["db"], """
        select l.poging_id from ingest.aanleverlog as l
        left join (select poging_id, count(distinct tabel || '#' || rijnummer) as n
                   from ingest.quarantaine group by 1) as q using (poging_id)
        where l.rijen_quarantaine <> coalesce(q.n, 0)""")
    assert mismatch == []


def test_raw_rows_match_the_log(warehouse):
    loaded = dict(_query(warehouse["db"], """
        select aanlevering_id, sum(rijen_geladen) from ingest.aanleverlog
        where status like 'geaccepteerd%' group by 1"""))
    in_raw = dict(_query(warehouse["db"], """
        select aanlevering_id, count(*) from raw.zvw_declaraties__declaraties group by 1
        union all select aanlevering_id, count(*) from raw.zvw_verzekerden__verzekerden group by 1
        union all select aanlevering_id, count(*) from raw.wlz_zorg__wlz_zorg group by 1
        union all select aanlevering_id, count(*) from raw.wmo_voorzieningen__wmo_voorzieningen group by 1
        union all select aanlevering_id, count(*) from raw.jeugdwet_trajecten__jeugdwet_trajecten group by 1
        union all select aanlevering_id, count(*) from raw.ggz_wachttijden__ggz_wachttijden group by 1
        union all select aanlevering_id, sum(n) from (
            select aanlevering_id, count(*) as n from raw.agb_register__zorgverleners group by 1
            union all select aanlevering_id, count(*) from raw.agb_register__ondernemingen group by 1
            union all select aanlevering_id, count(*) from raw.agb_register__vestigingen group by 1
            union all select aanlevering_id, count(*) from raw.agb_register__werkrelaties group by 1
            union all select aanlevering_id, count(*) from raw.agb_register__kwalificaties group by 1) group by 1"""))
    assert {k: int(v) for k, v in in_raw.items()} == {k: int(v) for k, v in loaded.items() if v}


def test_redelivery_is_a_no_op(warehouse):
    assert warehouse["again"] and all(a.status == "overgeslagen" for a in warehouse["again"])
    accepted = _query(warehouse["db"], """
        select aanlevering_id, count(*) from ingest.aanleverlog where status like 'geaccepteerd%'
        group by 1 having count(*) > 1""")
    assert accepted == []


def test_too_many_bad_rows_reject_the_delivery_and_keep_every_row(tmp_path, warehouse):
    folder = warehouse["catalogue"]["negative_amount"]
    ing = Ingest(tmp_path / "w.duckdb", warehouse["gx"], max_afgekeurd=0.01, echo=lambda m: None)
    (a,) = ing.run([folder])
    assert a.status == "afgewezen" and a.reden.startswith("te_veel_afgekeurd")
    assert a.loaded == 0 and a.quarantined == a.rows
    rules = dict(ing.con.execute("select regel, count(*) from ingest.quarantaine group by 1").fetchall())
    assert rules["bedrag_negatief"] == 2 and rules["te_veel_afgekeurd"] == a.rows - 2


def test_a_crash_halfway_leaves_no_partial_delivery(tmp_path, warehouse, monkeypatch):
    delivery = find_deliveries(warehouse["clean"], "zvw_declaraties")[0]
    db = tmp_path / "crash.duckdb"
    ing = Ingest(db, warehouse["gx"], echo=lambda m: None)

    def die(self, a, poging):  # the process dies after the rows went in, before the log line
        raise KeyboardInterrupt

    monkeypatch.setattr(Ingest, "_log", die)
    with pytest.raises(KeyboardInterrupt):
        ing.run([delivery.folder])
    ing.con.close()  # the process is gone: its open transaction with it
    assert _query(db, "select count(*) from raw.zvw_declaraties__declaraties") == [(0,)]
    assert _query(db, "select count(*) from ingest.aanleverlog") == [(0,)]


def test_cli_exit_code_and_data_docs(tmp_path, warehouse):
    runner = CliRunner()
    ok = runner.invoke(main, ["ingest", str(find_deliveries(warehouse["clean"], "wmo_voorzieningen")[0].folder),
                              "--db", str(tmp_path / "c.duckdb"), "--gx-dir", str(tmp_path / "gx")])
    assert ok.exit_code == 0, ok.output
    assert "geaccepteerd" in ok.output
    bad = runner.invoke(main, ["ingest", str(warehouse["catalogue"]["missing_column"]),
                               "--db", str(tmp_path / "c.duckdb"), "--gx-dir", str(tmp_path / "gx")])
    assert bad.exit_code == 1 and "kolommen" in bad.output and "prestatiecode" in bad.output
    assert (tmp_path / "gx" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").is_file()


def test_clean_and_fault_roots_in_one_run(tmp_path, warehouse):
    """The redelivered id arrives in the same run as the original: the first copy (in folder
    order) lands, the other is rejected as already delivered, nothing else suffers."""
    clean = find_deliveries(warehouse["clean"], "zvw_declaraties")[0]
    changed = warehouse["catalogue"]["redelivery_changed_content"]
    ing = Ingest(tmp_path / "one.duckdb", warehouse["gx"], echo=lambda m: None)
    attempts = ing.run([clean.folder, changed])
    assert sorted(a.status for a in attempts) == ["afgewezen", "geaccepteerd"]
    rejected = next(a for a in attempts if a.status == "afgewezen")
    assert rejected.reden.startswith("al_aangeleverd")
    n = ing.con.execute("select count(*) from raw.zvw_declaraties__declaraties").fetchone()[0]
    assert n == clean.rows()


def test_chunks_cut_a_batch_into_consecutive_bounded_parts():
    sizes = [(0, 5), (1, 1), (2, 7), (3, 0)]
    parts = chunks(sizes, 4)
    assert all(sum(hi - lo + 1 for _, lo, hi in p) <= 4 for p in parts)
    rows = [(k, r) for p in parts for k, lo, hi in p for r in range(lo, hi + 1)]
    assert rows == [(k, r) for k, n in sizes for r in range(1, n + 1)]  # every row once, in order


def test_many_deliveries_are_not_held_in_memory(tmp_path, warehouse, monkeypatch):
    """Small batches over a source with many deliveries: GE never sees more than BATCH_ROWS rows
    at once, only the current batch's deliveries are staged, and nothing is kept after the run."""
    deliveries = find_deliveries(warehouse["clean"], "ggz_wachttijden")
    assert len(deliveries) > 10
    monkeypatch.setattr(run_module, "BATCH_ROWS", 7)
    ing = Ingest(tmp_path / "m.duckdb", warehouse["gx"], echo=lambda m: None)
    seen = []
    validate = Validator.validate

    def spy(self, bron, tabel, frame):
        staged = ing.con.execute("select count(*) from duckdb_tables() where table_name like '\\_in\\_%' escape '\\'")
        seen.append((len(frame), staged.fetchone()[0]))
        return validate(self, bron, tabel, frame)

    monkeypatch.setattr(Validator, "validate", spy)
    attempts = ing.run([d.folder for d in deliveries])
    assert all(a.status == "geaccepteerd" for a in attempts)
    assert sum(a.loaded for a in attempts) == sum(d.rows() for d in deliveries)
    assert seen and max(rows for rows, _ in seen) <= 7
    most_staged = max(staged for _, staged in seen)
    assert most_staged <= 8 < len(deliveries)  # a batch of <= 7 rows: at most one more delivery staged than rows
    assert all(a.tables == {} for a in attempts)
    left = ing.con.execute("select count(*) from duckdb_tables() where temporary").fetchone()[0]
    assert left == 0


def test_a_delivery_larger_than_a_batch_is_validated_whole(tmp_path, warehouse, monkeypatch):
    """A delivery of more than BATCH_ROWS rows is validated in several frames; every row is still
    checked, so the bad rows are found wherever they are."""
    entry = json.loads((warehouse["root"] / "faults" / "catalogue.json").read_text())["negative_amount"]
    monkeypatch.setattr(run_module, "BATCH_ROWS", 10)
    frames = []
    validate = Validator.validate
    monkeypatch.setattr(Validator, "validate", lambda self, b, t, f: frames.append(len(f)) or validate(self, b, t, f))
    ing = Ingest(tmp_path / "b.duckdb", warehouse["gx"], max_afgekeurd=0.5, echo=lambda m: None)
    (a,) = ing.run([warehouse["catalogue"]["negative_amount"]])
    assert len(frames) > 1 and max(frames) <= 10 and sum(frames) == a.rows
    assert a.status == "geaccepteerd_met_quarantaine" and a.quarantined == entry["bad_rows"]
    assert a.failed_rules == {"bedrag_negatief": entry["bad_rows"]}
