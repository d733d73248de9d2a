"""`zorgspiegel bench`: the warehouse at scale, step by step, each as wall seconds and peak memory.

Steps (each one a child process, so its peak resident memory is measured on its own with wait4):

1. generate a data set (or reuse an earlier one of the same parameters), with the claim deliveries
   of the last processing month held back;
2. ingest: every delivery except the held-back ones into a fresh warehouse;
3. full build: `dbt build` (every seed, model, snapshot and test);
4. one extra monthly delivery: ingest the held-back deliveries, then build incrementally: only what
   depends on a raw table that received rows (`dbt build --select source:<bron>.<tabel>+ source:ingest+
   --exclude-resource-type unit_test --vars '{nieuwe_declaraties_vanaf: <month>}'`: the data tests
   over all claim lines check only the new deliveries);
5. the lower bound: one DuckDB query that reads every raw claim column the models use once
   (a single scan with a group by), on the same warehouse with dbt's memory limit.

Prints a table with the ratios build / lower bound and incremental / full, the slowest nodes of the
full build (dbt's run_results.json) and writes everything as JSON to
build/bench/bench-<scale>-<timestamp>.json, so runs compare. Method and figures: docs/scale.md.
"""
from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .deliveries import find_deliveries
from .paths import REPO_ROOT

BENCH_DIR = REPO_ROOT / "build" / "bench"
CLAIMS_SOURCE = ("raw", "zvw_declaraties__declaraties")  # schema and table the lower bound scans
CLAIMS_BRON = "zvw_declaraties"  # the source whose last processing month is held back
GENERATED_MARKER = ".bench-complete"


@dataclass
class Step:
    name: str
    wall_s: float
    peak_rss_mb: float
    detail: dict = field(default_factory=dict)


def measure(name: str, cmd: list[str], log: Path, env: dict | None = None) -> Step:
    """Run cmd as a child process (output to log); wall time and the child's peak RSS (wait4).

    dbt and the ingest do their work in their own process (threads, no subprocesses), so the peak
    RSS of that one process is the peak of the step."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env or _env(), stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-30:])
        raise RuntimeError(f"step {name!r} failed (exit {proc.returncode}); log {log}:\n{tail}")
    return Step(name, round(wall, 2), round(usage.ru_maxrss / 1024, 1))  # Linux: ru_maxrss in KiB


def _env(db: Path | None = None) -> dict:
    env = {**os.environ, "DBT_PROFILES_DIR": str(REPO_ROOT), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
           "GX_ANALYTICS_ENABLED": "false"}
    if db is not None:
        env["ZORGSPIEGEL_DUCKDB"] = str(db.resolve())
    return env


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


# -- data set -------------------------------------------------------------------------------------

def data_dir(scale: float, years: str, seed: int, run_out_months: int) -> Path:
    return BENCH_DIR / f"data-{scale:g}-{years}-s{seed}-r{run_out_months}"


def split_deliveries(root: Path) -> tuple[list[Path], list[Path], str]:
    """(ingest paths for the first load, the held-back delivery folders, the held-back month).

    The held-back deliveries are the claim deliveries of the last processing month (one per
    insurer). The first load gets every other source's root folder plus the other claim folders."""
    claims = find_deliveries(root, CLAIMS_BRON)
    if not claims:
        raise RuntimeError(f"{root} has no {CLAIMS_BRON} deliveries")
    last = max(str(d.manifest["periode"]) for d in claims)
    late = [d.folder for d in claims if str(d.manifest["periode"]) == last]
    first = [p for p in sorted(root.iterdir()) if p.is_dir() and p.name != CLAIMS_BRON]
    first += [d.folder for d in claims if str(d.manifest["periode"]) != last]
    return first, late, last


# -- dbt artefacts ----------------------------------------------------------------------------------

def slowest_nodes(run_results: Path, n: int = 10) -> list[dict]:
    results = json.loads(run_results.read_text())["results"]
    top = sorted(results, key=lambda r: -r["execution_time"])[:n]
    return [{"node": r["unique_id"], "seconds": round(r["execution_time"], 2), "status": r["status"]} for r in top]


def node_counts(run_results: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in json.loads(run_results.read_text())["results"]:
        kind = r["unique_id"].split(".")[0]
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def seconds_by_type(run_results: Path) -> dict[str, float]:
    """Execution seconds summed per resource type (model, test, unit_test, seed); with dbt's
    threads running side by side the sum exceeds the wall time."""
    sums: dict[str, float] = {}
    for r in json.loads(run_results.read_text())["results"]:
        kind = r["unique_id"].split(".")[0]
        sums[kind] = round(sums.get(kind, 0) + r["execution_time"], 2)
    return sums


def claim_columns(manifest_path: Path, con, source: tuple[str, str] = CLAIMS_SOURCE) -> list[str]:
    """The raw columns of the claims table that the models use, read from the dbt manifest.

    A raw column counts when the staging model(s) of the source select it under a name (alias)
    that some model downstream of staging mentions; columns only tests or nothing downstream read
    (e.g. rijnummer) do not. Works for whatever models exist: it follows the manifest's graph."""
    manifest = json.loads(manifest_path.read_text())
    nodes = manifest["nodes"]
    src_id = next(k for k, s in manifest["sources"].items() if (s["schema"], s["identifier"]) == source)
    children = manifest["child_map"]
    raw_cols = [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
        "order by ordinal_position", list(source)).fetchall()]
    used: set[str] = set()
    for stg in (c for c in children[src_id] if c.startswith("model.")):
        stg_sql = _code(nodes[stg])
        downstream, todo = set(), [c for c in children[stg] if c.startswith("model.")]
        while todo:  # every model below the staging model
            m = todo.pop()
            if m not in downstream:
                downstream.add(m)
                todo.extend(c for c in children[m] if c.startswith("model."))
        below = "\n".join(_code(nodes[m]) for m in downstream)
        for col in raw_cols:
            for line in stg_sql.splitlines():
                hit = re.search(rf"\b{col}\b.*\bas\s+(\w+)\s*,?\s*$", line, re.IGNORECASE)
                if hit and re.search(rf"\b{hit.group(1)}\b", below):
                    used.add(col)
    return [c for c in raw_cols if c in used]


def _code(node: dict) -> str:
    return node.get("compiled_code") or node.get("raw_code") or ""


def lower_bound_sql(con, columns: list[str], source: tuple[str, str] = CLAIMS_SOURCE) -> str:
    """One scan of the claims table reading each used column once, grouped by delivery context:
    numbers summed, text measured (sum of lengths), dates and other types maxed."""
    types = dict(con.execute("select column_name, data_type from information_schema.columns "
                             "where table_schema = ? and table_name = ?", list(source)).fetchall())
    keys = ["leverancier", "periode"]
    aggs = []
    for c in columns:
        if c in keys:
            continue
        t = types[c].upper()
        if t.startswith(("DECIMAL", "BIGINT", "INTEGER", "DOUBLE", "HUGEINT", "SMALLINT")):
            aggs.append(f"sum({c}) as {c}")
        elif t == "VARCHAR":
            aggs.append(f"sum(length({c})) as {c}")
        else:
            aggs.append(f"max({c}) as {c}")
    return (f"select {', '.join(keys)}, count(*) as rijen, {', '.join(aggs)} "
            f"from {source[0]}.{source[1]} group by {', '.join(keys)}")


def _lower_bound_script(db: Path, sql: str, memory_limit: str, out: Path) -> str:
    return f"""
import duckdb, json, time
con = duckdb.connect({str(db)!r}, read_only=True, config={{"memory_limit": {memory_limit!r}}})
t0 = time.perf_counter()
rows = con.execute({sql!r}).fetchall()
json.dump({{"groups": len(rows), "rows": sum(r[2] for r in rows), "query_s": time.perf_counter() - t0}},
          open({str(out)!r}, "w"))
"""


# -- the benchmark ----------------------------------------------------------------------------------

def bench(scale: float, years: str, seed: int, run_out_months: int, data: Path | None, reuse_ingest: bool,
          echo=print) -> dict:
    import duckdb

    started = datetime.now(timezone.utc)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    work = BENCH_DIR / f"run-{scale:g}"
    logs = work / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    steps: list[Step] = []
    load_before = os.getloadavg()

    # 1. data
    if data is not None:  # a given data set is only read
        echo(f"use data set {data}")
    elif not (data := data_dir(scale, years, seed, run_out_months) / "deliveries").joinpath(GENERATED_MARKER).exists():
        if data.exists():
            shutil.rmtree(data)
        echo(f"generate scale {scale:g}, years {years}, seed {seed}, run-out {run_out_months} months -> {data}")
        steps.append(measure("generate", [_bin("zorgspiegel"), "generate", "--scale", str(scale), "--years", years,
                                          "--seed", str(seed), "--run-out-months", str(run_out_months),
                                          "--out", str(data)], logs / "generate.log"))
        (data / GENERATED_MARKER).write_text(json.dumps({"scale": scale, "years": years, "seed": seed,
                                                         "run_out_months": run_out_months}))
    else:
        echo(f"reuse data set {data}")
    first, late, late_month = split_deliveries(data)

    # 2. ingest all but the last claims month
    db = work / "warehouse.duckdb"
    snapshot = work / "warehouse-ingested.duckdb"  # for --reuse-ingest
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    gx = work / "gx"
    if reuse_ingest and snapshot.exists():
        echo(f"reuse the ingested warehouse {snapshot} (ingest not measured)")
        shutil.copyfile(snapshot, db)
    else:
        shutil.rmtree(gx, ignore_errors=True)
        echo(f"ingest {len(first)} paths (all but the {late_month} claim deliveries)")
        steps.append(measure("ingest", [_bin("zorgspiegel"), "ingest", *map(str, first), "--db", str(db),
                                        "--gx-dir", str(gx)], logs / "ingest.log"))
        shutil.copyfile(db, snapshot)
    with duckdb.connect(str(db), read_only=True) as con:
        raw_rows = _raw_rows(con)

    # 3. full build
    target = work / "target"  # dbt's artefacts and logs of this run, apart from the project's target/
    env = {**_env(db), "DBT_TARGET_PATH": str(target), "DBT_LOG_PATH": str(work / "dbt-logs")}
    echo("dbt build (full)")
    full = measure("full build", [_bin("dbt"), "build"], logs / "dbt-build-full.log", env)
    shutil.copyfile(target / "run_results.json", work / "run_results-full.json")
    shutil.copyfile(target / "manifest.json", work / "manifest.json")
    full.detail = {"nodes": node_counts(work / "run_results-full.json"),
                   "seconds_by_type": seconds_by_type(work / "run_results-full.json"),
                   "slowest": slowest_nodes(work / "run_results-full.json")}
    steps.append(full)

    # 4. the lower bound, on the same data as the full build
    with duckdb.connect(str(db), read_only=True) as con:
        columns = claim_columns(work / "manifest.json", con)
        sql = lower_bound_sql(con, columns)
    out = work / "lower_bound.json"
    memory = os.environ.get("ZORGSPIEGEL_DUCKDB_MEMORY", "8GB")  # as profiles.yml gives dbt
    echo(f"lower bound: one scan of {len(columns)} claim columns")
    lb = measure("lower bound", [sys.executable, "-c", _lower_bound_script(db, sql, memory, out)],
                 logs / "lower-bound.log")
    lb.detail = {**json.loads(out.read_text()), "columns": columns, "sql": sql}
    steps.append(lb)

    # 5. one extra monthly delivery
    echo(f"ingest the {len(late)} claim deliveries of {late_month}")
    step = measure("delivery ingest", [_bin("zorgspiegel"), "ingest", *map(str, late), "--db", str(db),
                                       "--gx-dir", str(gx)], logs / "ingest-delivery.log")
    with duckdb.connect(str(db), read_only=True) as con:
        after = _raw_rows(con)
    changed = sorted(t for t in after if after[t] != raw_rows.get(t, 0))
    step.detail = {"deliveries": len(late), "month": late_month,
                   "rows": sum(after[t] - raw_rows.get(t, 0) for t in changed), "raw_tables": changed}
    steps.append(step)
    # raw.<bron>__<tabel> is source <bron>, table <tabel> (models/staging/<bron>/).
    selector = [f"source:{t.replace('__', '.', 1)}+" for t in changed] + ["source:ingest+"]
    # The monthly run: data tests over all claim lines check only the new deliveries (dbt_project.yml).
    dbt_vars = json.dumps({"nieuwe_declaraties_vanaf": late_month})
    echo(f"dbt build --select {' '.join(selector)} --exclude-resource-type unit_test --vars '{dbt_vars}'")
    # Unit tests check the SQL against fixed inputs, not the data: a delivery does not change them.
    inc = measure("incremental build", [_bin("dbt"), "build", "--select", *selector, "--exclude-resource-type",
                                        "unit_test", "--vars", dbt_vars], logs / "dbt-build-inc.log", env)
    shutil.copyfile(target / "run_results.json", work / "run_results-incremental.json")
    inc.detail = {"select": selector, "vars": dbt_vars, "nodes": node_counts(work / "run_results-incremental.json"),
                  "seconds_by_type": seconds_by_type(work / "run_results-incremental.json"),
                  "slowest": slowest_nodes(work / "run_results-incremental.json")}
    steps.append(inc)

    by = {s.name: s for s in steps}
    result = {
        "scale": scale, "years": years, "seed": seed, "run_out_months": run_out_months, "data": str(data),
        "started": started.isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "memory_gb": _memory_gb(), "platform": platform.platform(),
                    "python": platform.python_version(), "duckdb": duckdb.__version__,
                    "load_avg_before": [round(x, 2) for x in load_before],
                    "load_avg_after": [round(x, 2) for x in os.getloadavg()]},
        "raw_rows": after, "warehouse_mb": round(db.stat().st_size / 2**20),
        "steps": [asdict(s) for s in steps],
        "ratios": {
            "full_build_over_lower_bound": round(by["full build"].wall_s / by["lower bound"].wall_s, 2),
            "incremental_over_full": round(by["incremental build"].wall_s / by["full build"].wall_s, 4),
            "delivery_ingest_plus_incremental_over_full": round(
                (by["delivery ingest"].wall_s + by["incremental build"].wall_s) / by["full build"].wall_s, 4),
        },
    }
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path = BENCH_DIR / f"bench-{scale:g}-{stamp}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    result["path"] = str(path)
    return result


def _raw_rows(con) -> dict[str, int]:
    tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                        "where table_schema = 'raw' order by table_name").fetchall()]
    return {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in tables}


def _memory_gb() -> float:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        return float("nan")


def report(result: dict) -> str:
    lines = [f"Benchmark scale {result['scale']:g}, years {result['years']} "
             f"({sum(result['raw_rows'].values()):,} raw rows, claims "
             f"{result['raw_rows'].get(CLAIMS_SOURCE[1], 0):,}; warehouse {result['warehouse_mb']:,} MB)", "",
             f"  {'step':<20} {'wall s':>9} {'peak RSS MB':>12}  detail"]
    for s in result["steps"]:
        d = s["detail"]
        extra = ""
        if s["name"] == "delivery ingest":
            extra = f"{d['deliveries']} deliveries of {d['month']}, {d['rows']:,} rows"
        elif s["name"].endswith("build"):
            extra = ", ".join(f"{v} {k}s" for k, v in sorted(d["nodes"].items()))
        elif s["name"] == "lower bound":
            extra = f"{d['rows']:,} rows, {len(d['columns'])} columns, {d['groups']} groups"
        lines.append(f"  {s['name']:<20} {s['wall_s']:>9.1f} {s['peak_rss_mb']:>12,.0f}  {extra}")
    r = result["ratios"]
    lines += ["", f"  full build / lower bound        {r['full_build_over_lower_bound']:>8.1f} x   (target <= 3)",
              f"  incremental / full build        {r['incremental_over_full']:>8.1%}     (target <= 5 %)",
              f"  delivery ingest + incr. / full  {r['delivery_ingest_plus_incremental_over_full']:>8.1%}"]
    for name in ("full build", "incremental build"):
        step = next(s for s in result["steps"] if s["name"] == name)
        by_type = ", ".join(f"{k} {v:.0f} s" for k, v in sorted(step["detail"].get("seconds_by_type", {}).items()))
        lines += ["", f"  slowest nodes of the {name} (dbt run_results, execution time; sums: {by_type}):"]
        lines += [f"    {n['seconds']:>8.2f} s  {n['node']}" for n in step["detail"]["slowest"]]
    lines += ["", f"  load average before/after: {result['machine']['load_avg_before'][0]} / "
                  f"{result['machine']['load_avg_after'][0]} on {result['machine']['cpus']} cpus",
              f"  written to {result['path']}"]
    return "\n".join(lines)
