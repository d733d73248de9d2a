"""Same marts in two warehouse files? EXCEPT ALL both ways for every table in schema marts.

Usage: python scripts/compare_marts.py before.duckdb after.duckdb (docs/scale.md, "Same output").
Exact for every mart; a mart with DOUBLE columns is also compared with those columns within 1e-9
relative, rows matched on all other columns: a double sum differs in its last bits with the
physical order of its input rows, also when the code did not change."""
import duckdb, sys
a, b = sys.argv[1], sys.argv[2]
con = duckdb.connect(":memory:", config={"threads": 2, "memory_limit": "6GB"})
con.execute(f"attach '{a}' as voor (read_only)")
con.execute(f"attach '{b}' as na (read_only)")
q = "select table_name from information_schema.tables where table_catalog=? and table_schema='marts'"
ta = {r[0] for r in con.execute(q, ["voor"]).fetchall()}
tb = {r[0] for r in con.execute(q, ["na"]).fetchall()}
assert ta == tb, (ta ^ tb)
exact_bad = rounded_bad = 0
def diff(x, y, proj):
    return con.execute(f"select count(*) from (select {proj} from {x} except all select {proj} from {y})").fetchone()[0]
for t in sorted(ta):
    cols = con.execute("select column_name, data_type from information_schema.columns where table_catalog='voor' "
                       "and table_schema='marts' and table_name=? order by ordinal_position", [t]).fetchall()
    cols_b = con.execute("select column_name, data_type from information_schema.columns where table_catalog='na' "
                         "and table_schema='marts' and table_name=? order by ordinal_position", [t]).fetchall()
    assert cols == cols_b, (t, cols, cols_b)
    va, vb = f"voor.marts.{t}", f"na.marts.{t}"
    n = con.execute(f"select count(*) from {va}").fetchone()[0]
    m = con.execute(f"select count(*) from {vb}").fetchone()[0]
    x, y = diff(va, vb, "*"), diff(vb, va, "*")
    exact_bad += x + y
    line = f"{t:<40} rows {n:>9}/{m:<9} exact: before-after {x:>5}, after-before {y:>5}"
    doubles = [c for c, typ in cols if typ == "DOUBLE"]
    if doubles:
        others = [c for c, _ in cols if c not in doubles]
        on = " and ".join(f"p.{c} is not distinct from q.{c}" for c in others)
        off = " or ".join(f"not (p.{c} is not distinct from q.{c} or abs(p.{c} - q.{c}) <= 1e-9 * greatest(1, abs(p.{c})))"
                          for c in doubles)
        keys = con.execute(f"select count(*) - count(distinct ({', '.join(others)})) from {va}").fetchone()[0]
        assert keys == 0, f"{t}: the non-double columns are no key"
        rx = con.execute(f"select count(*) from {va} as p full join {vb} as q on {on} "
                         f"where p.{others[0]} is null and q.{others[0]} is not null "
                         f"or q.{others[0]} is null and p.{others[0]} is not null or ({off})").fetchone()[0]
        rounded_bad += rx
        line += f" | {len(doubles)} double cols within 1e-9 relative, rows matched on the rest: {rx} differ"
    else:
        rounded_bad += x + y
    print(line)
print(f"marts: {len(ta)}; differing rows exact: {exact_bad}; with double columns within 1e-9 relative: {rounded_bad}")
