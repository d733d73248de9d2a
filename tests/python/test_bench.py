"""The benchmark's own logic (zorgspiegel bench): which deliveries are held back, which raw claim
columns the lower bound reads, and that its query runs. The benchmark's figures are printed by
`make bench`, never asserted here."""
from __future__ import annotations

import json

import duckdb

from zorgspiegel.bench import claim_columns, lower_bound_sql, split_deliveries


def test_the_last_processing_month_of_claims_is_held_back(parquet_dataset):
    first, late, month = split_deliveries(parquet_dataset.root)
    claims = parquet_dataset.of("zvw_declaraties")
    assert month == max(d.manifest["periode"] for d in claims)
    assert sorted(late) == sorted(d.folder for d in claims if d.manifest["periode"] == month)
    assert len(late) == len({d.manifest["leverancier"] for d in claims if d.manifest["periode"] == month}) > 1
    assert not set(late) & set(first)
    # every other delivery is in the first load: other sources as their root folder, claims one by one
    roots = {p.name for p in first if p.parent == parquet_dataset.root}
    assert roots == {d.bron for d in parquet_dataset.deliveries} - {"zvw_declaraties"}
    assert len([p for p in first if p.parent.name == "zvw_declaraties"]) == len(claims) - len(late)


def _manifest(tmp_path, stg_sql: str, downstream_sql: str):
    src = "source.p.zvw_declaraties.declaraties"
    manifest = {
        "sources": {src: {"source_name": "zvw_declaraties", "name": "declaraties", "schema": "raw",
                          "identifier": "zvw_declaraties__declaraties"}},
        "nodes": {"model.p.stg": {"compiled_code": stg_sql}, "model.p.int": {"compiled_code": downstream_sql},
                  "test.p.t": {"compiled_code": "select rijnummer from stg"}},
        "child_map": {src: ["model.p.stg"], "model.p.stg": ["model.p.int", "test.p.t"], "model.p.int": [],
                      "test.p.t": []},
    }
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(manifest))
    return path


def test_lower_bound_reads_the_raw_columns_models_use(tmp_path):
    con = duckdb.connect()
    con.execute("create schema raw")
    con.execute("create table raw.zvw_declaraties__declaraties (aanlevering_id varchar, leverancier varchar, "
                "periode varchar, rijnummer bigint, regel_id varchar, bedrag decimal(14, 2), begindatum date, "
                "ongebruikt varchar)")
    con.execute("insert into raw.zvw_declaraties__declaraties values "
                "('a', '3311', '2023-01', 1, 'R1', 10.00, date '2023-01-05', 'x'), "
                "('a', '3311', '2023-01', 2, 'R2', 5.50, date '2023-01-06', 'y'), "
                "('b', '7095', '2023-02', 1, 'R1', 1.00, date '2023-02-01', 'z')")
    stg = """select
    cast(aanlevering_id as varchar) as aanlevering_id,
    cast(periode as varchar) as verwerkingsmaand,
    cast(rijnummer as bigint) as rijnummer,
    cast(regel_id as varchar) as regel_id,
    cast(bedrag as decimal(14, 2)) as bedrag,
    cast(begindatum as date) as begindatum,
    cast(ongebruikt as varchar) as ongebruikt
from raw.zvw_declaraties__declaraties"""
    downstream = "select regel_id, bedrag, begindatum, verwerkingsmaand, aanlevering_id from stg"
    columns = claim_columns(_manifest(tmp_path, stg, downstream), con)
    # rijnummer: only a test reads it; ongebruikt: nothing downstream; periode is used as verwerkingsmaand
    assert columns == ["aanlevering_id", "periode", "regel_id", "bedrag", "begindatum"]
    rows = con.execute(lower_bound_sql(con, columns)).fetchall()
    assert sorted((r[0], r[1], r[2]) for r in rows) == [("3311", "2023-01", 2), ("7095", "2023-02", 1)]
    assert sum(float(r[5]) for r in rows) == 16.5  # bedrag read and summed
