"""Hand-made warehouses for the serving and export tests: the reference tables a publication needs
(the project's real code lists from seeds/domain, and region tables of made-up gemeenten), without dbt."""
from __future__ import annotations

import duckdb

from zorgspiegel.paths import SEEDS_DIR
from zorgspiegel.serving import code_lists

GEMEENTEN = {"GM0001": "Aadorp", "GM0002": "Beedorp", "GM0003": "Ceedorp"}


def add_reference_tables(con: duckdb.DuckDBPyConnection, gemeenten: dict[str, str] = GEMEENTEN) -> None:
    """Schema reference with every code list and the four region tables: per gemeente one wijk
    (WK<4 digits>01) and one buurt (BU<4 digits>0101) and one row per regional classification."""
    con.execute("create schema if not exists reference")
    for name in code_lists():
        path = str(SEEDS_DIR / "domain" / f"{name}.csv").replace("'", "''")
        con.execute(f"create table reference.{name} as select * from read_csv('{path}', all_varchar = true)")
    con.execute("create table reference.cbs_gemeenten (gemeentecode varchar, gemeentenaam varchar)")
    con.execute("create table reference.cbs_wijken (wijkcode varchar, wijknaam varchar, gemeentecode varchar)")
    con.execute("create table reference.cbs_buurten (buurtcode varchar, buurtnaam varchar, wijkcode varchar, "
                "gemeentecode varchar)")
    con.execute("create table reference.gemeente_regio (gemeentecode varchar, regio_indeling varchar, "
                "regio_code varchar, regio_naam varchar)")
    for code, naam in gemeenten.items():
        digits = code[2:]
        con.execute("insert into reference.cbs_gemeenten values (?, ?)", [code, naam])
        con.execute("insert into reference.cbs_wijken values (?, ?, ?)", [f"WK{digits}01", f"Wijk {naam}", code])
        con.execute("insert into reference.cbs_buurten values (?, ?, ?, ?)",
                    [f"BU{digits}0101", f"Buurt {naam}", f"WK{digits}01", code])
        con.execute("insert into reference.gemeente_regio values (?, 'ggd_regio', ?, ?)",
                    [code, f"GG{digits}", f"GGD {naam}"])


def all_values(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every value of every user table of a database, as text (for sentinel checks)."""
    values: set[str] = set()
    tables = con.execute("select table_schema, table_name from information_schema.tables "
                         "where table_catalog = current_database()").fetchall()
    for schema, table in tables:
        for row in con.execute(f'select * from "{schema}"."{table}"').fetchall():
            values.update(str(v) for v in row if v is not None)
    return values
