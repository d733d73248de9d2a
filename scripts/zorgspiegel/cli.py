"""The `zorgspiegel` command: generate synthetic deliveries, rebuild seeds, check calibration."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import click

from .generator import params
from .paths import DEFAULT_REFERENCE_DIR, REPO_ROOT, SEEDS_DIR
from .praktijkspiegel.command import praktijkspiegel
from .publish_command import default_serving, echo_publication, publish

CURATED_DIR = Path(__file__).parent / "curated"


def _years(value: str) -> list[int]:
    """'2019-2023' or '2023' -> list of years."""
    try:
        first, _, last = value.partition("-")
        years = list(range(int(first), int(last or first) + 1))
    except ValueError:
        raise click.BadParameter(f"{value!r}: use YYYY or YYYY-YYYY") from None
    if not years or not 2015 <= years[0] <= years[-1] <= 2030:
        raise click.BadParameter(f"{value!r}: years must lie between 2015 and 2030, first <= last")
    return years


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """zorgspiegel: an open data warehouse for Dutch health-care data."""


@main.command()
@click.option("--scale", type=click.FloatRange(0.0001, 1.0), default=0.001, show_default=True,
              help="Size relative to the Netherlands (1 = ~17.6 M insured, ~5,000 GP practices).")
@click.option("--years", "years", default="2022-2023", show_default=True, help="YYYY or YYYY-YYYY.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same data (byte for byte).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=REPO_ROOT / "build" / "deliveries",
              show_default=True, help="Root folder for the deliveries (<out>/<bron>/<aanlevering_id>/).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@click.option("--run-out-months", type=click.IntRange(0, 36), default=params.DELIVERY_MONTHS_AFTER_LAST_YEAR,
              show_default=True,
              help="Months of claim deliveries after the last year; later-processed claims are not delivered yet.")
@click.option("--faults/--no-faults", default=False, show_default=True,
              help="Also write the catalogue of bad deliveries under <out>/../faults/<fault>/.")
def generate(scale: float, years: str, seed: int, out: Path, fmt: str, run_out_months: int,
             faults: bool) -> None:
    """Write synthetic deliveries of all seven sources, calibrated to Vektis 2023."""
    from .generator.generate import GenerateConfig, generate as run

    t0 = time.time()
    if out.exists() and any(out.iterdir()):
        raise click.UsageError(f"{out} is not empty: deliveries are immutable, choose a new --out")
    rows = run(GenerateConfig(scale=scale, years=_years(years), seed=seed, out=out, fmt=fmt,
                              run_out_months=run_out_months),
               progress=lambda m: click.echo(m, err=True))
    click.echo(f"\nRows per source ({out}):")
    for bron, n in sorted(rows.items()):
        click.echo(f"  {bron:<20} {n:>14,}")
    click.echo(f"  {'total':<20} {sum(rows.values()):>14,}   in {time.time() - t0:.1f} s")
    if faults:
        from .generator.faults import write_fault_catalogue

        made = write_fault_catalogue(out, out.parent / "faults", seed)
        click.echo(f"Fault catalogue: {len(made)} bad deliveries under {out.parent / 'faults'}")


@main.command()
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=REPO_ROOT / "build" / "deliveries", show_default=True, help="A generated delivery root.")
@click.option("--jaar", type=int, default=2023, show_default=True, help="Treatment year to compare.")
@click.option("--max-deviation", type=float, default=None,
              help="Exit 1 when a national age/sex or category figure deviates more than this many percent.")
def calibrate(data: Path, jaar: int, max_deviation: float | None) -> None:
    """Print the deviation of a generated data set from the Vektis 2023 figures per dimension."""
    from .calibration import calibrate as run, report

    c = run(data, jaar)
    click.echo(report(c))
    worst = max(c.max_abs_deviation("leeftijd_geslacht"), c.max_abs_deviation("zorgcategorie"))
    if max_deviation is not None and worst > max_deviation:
        click.echo(f"FAIL: largest deviation {worst:.1f} % > {max_deviation} %", err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Warehouse DuckDB file [default: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb].")
@click.option("--gx-dir", type=click.Path(file_okay=False, path_type=Path), default=REPO_ROOT / "build" / "gx",
              show_default=True, help="Great Expectations project: suites, validation results, Data Docs.")
@click.option("--max-afgekeurd", type=click.FloatRange(0, 1), default=0.10, show_default=True,
              help="Reject a whole delivery when more than this share of its rows breaks a rule.")
def ingest(paths: tuple[Path, ...], db: Path | None, gx_dir: Path, max_afgekeurd: float) -> None:
    """Check, validate and load deliveries (folders, or roots to scan for new ones).

    Exit code 1 when any delivery was rejected."""
    from .ingest.run import Ingest

    db = db or _default_db()
    db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    attempts = Ingest(db, gx_dir, max_afgekeurd, echo=click.echo).run(list(paths))
    counts = Counter(a.status for a in attempts)
    click.echo(f"\n{len(attempts)} deliveries in {time.time() - t0:.1f} s: "
               + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    click.echo(f"Data Docs: {gx_dir / 'gx' / 'uncommitted' / 'data_docs' / 'local_site' / 'index.html'}")
    if counts.get("afgewezen"):
        sys.exit(1)


def _default_db() -> Path:
    return Path(os.environ.get("ZORGSPIEGEL_DUCKDB", REPO_ROOT / "build" / "zorgspiegel.duckdb"))


def _dbt(args: list[str], db: Path, check: bool = True) -> int:
    """Run dbt from this venv on the warehouse file; stop the job when dbt fails (unless not check)."""
    env = {**os.environ, "ZORGSPIEGEL_DUCKDB": str(db.resolve()), "DBT_PROFILES_DIR": str(REPO_ROOT),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    dbt = Path(sys.executable).parent / "dbt"
    click.echo(f"$ dbt {' '.join(args)}", err=True)
    code = subprocess.run([str(dbt), *args], cwd=REPO_ROOT, env=env).returncode
    if code and check:
        raise click.ClickException(f"dbt {args[0]} failed (exit {code})")
    return code


def _source_freshness(db: Path) -> None:
    """`dbt source freshness`: how late every source is, by its stalest expected supplier
    (docs/aanlevermonitor.md). A late source (warn or error) does not stop the job: the marts are
    built from what did arrive and the Aanlevermonitor names the late suppliers. A source that
    could not be checked (a runtime error, which dbt leaves out of sources.json) does stop it."""
    target = REPO_ROOT / "target"
    (target / "sources.json").unlink(missing_ok=True)
    _dbt(["source", "freshness"], db, check=False)
    try:
        checked = json.loads((target / "sources.json").read_text())["results"]
        sources = json.loads((target / "manifest.json").read_text())["sources"]
    except (OSError, ValueError, KeyError):
        raise click.ClickException("dbt source freshness wrote no results; see its output above") from None
    counts = Counter(r["status"] for r in checked)
    click.echo("Source freshness: " + ", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    for r in sorted(checked, key=lambda r: r["unique_id"]):
        if r["status"] in ("warn", "error"):
            age = r["max_loaded_at_time_ago_in_s"]
            days = f"{age / 86400:,.0f} days" if age < 1e10 else "never delivered"
            click.echo(f"  late ({r['status']}): {r['unique_id'].removeprefix('source.zorgspiegel.')}: {days}")
    if counts.get("warn") or counts.get("error"):
        click.echo("  A late source does not stop the job; the late suppliers: mart aanlevermonitor__leverancier.")
    with_threshold = {k for k, s in sources.items()
                      if any((s.get("freshness") or {}).get(t) for t in ("warn_after", "error_after"))}
    unchecked = sorted(with_threshold - {r["unique_id"] for r in checked if r["status"] != "runtime error"})
    if unchecked:
        raise click.ClickException(f"dbt source freshness could not check {len(unchecked)} sources "
                                   f"({', '.join(u.removeprefix('source.zorgspiegel.') for u in unchecked)}); "
                                   "see its output above")


@main.command()
@click.option("--scale", type=click.FloatRange(0.0001, 1.0), default=0.001, show_default=True)
@click.option("--years", default="2022-2023", show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=REPO_ROOT / "build" / "deliveries",
              show_default=True, help="Delivery root; generated only when it does not exist yet.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Warehouse DuckDB file [default: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb].")
@click.option("--docs/--no-docs", default=True, show_default=True, help="Generate the dbt docs site.")
@click.option("--publish-to", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serving folder for BI tools [default: 'serving' beside the warehouse, build/serving].")
@click.pass_context
def run(ctx: click.Context, scale: float, years: str, seed: int, out: Path, db: Path | None, docs: bool,
        publish_to: Path | None) -> None:
    """The main job end to end: generate a data set, ingest every delivery, dbt build, dbt source
    freshness, dbt docs, and publish the marts for BI tools (only when everything before passed)."""
    db = db or _default_db()
    if not out.exists():
        ctx.invoke(generate, scale=scale, years=years, seed=seed, out=out, fmt="parquet",
                   run_out_months=params.DELIVERY_MONTHS_AFTER_LAST_YEAR, faults=False)
    try:
        ctx.invoke(ingest, paths=(out,), db=db, gx_dir=db.parent / "gx", max_afgekeurd=0.10)
    except SystemExit as e:
        if e.code:
            raise click.ClickException("some deliveries were rejected; see the summary above") from None
    _dbt(["build"], db)
    _source_freshness(db)
    if docs:
        _dbt(["docs", "generate"], db)
    # Reached only when the build passed (_dbt stops the job otherwise): readers keep the previous
    # publication until this one is complete.
    ctx.invoke(publish, db=db, to=publish_to or default_serving(db))


@main.command()
@click.option("--scale", type=click.FloatRange(0.0001, 1.0), default=0.01, show_default=True)
@click.option("--years", default="2023", show_default=True, help="YYYY or YYYY-YYYY.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--run-out-months", type=click.IntRange(0, 36), default=0, show_default=True,
              help="Claim deliveries after the last year; with 0 the held-back month is the year's December.")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Use this delivery root instead of generating (or reusing) build/bench/data-*.")
@click.option("--reuse-ingest", is_flag=True,
              help="Start from the warehouse the previous bench run at this scale ingested (ingest not measured).")
def bench(scale: float, years: str, seed: int, run_out_months: int, data: Path | None, reuse_ingest: bool) -> None:
    """Benchmark: ingest, full dbt build, one extra monthly delivery, and the lower bound.

    Prints wall seconds and peak memory per step, the ratios full build / lower bound and
    incremental / full, and the slowest dbt nodes; writes build/bench/bench-<scale>-<time>.json.
    See docs/scale.md."""
    from .bench import bench as run_bench, report

    _years(years)
    result = run_bench(scale, years, seed, run_out_months, data, reuse_ingest, echo=lambda m: click.echo(m, err=True))
    click.echo(report(result))


@main.command("spark-raw")
@click.option("--db", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Warehouse DuckDB file [default: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb].")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=REPO_ROOT / "build" / "spark" / "landing",
              show_default=True, help="Folder for the Parquet export (<out>/<schema>/<table>/).")
@click.option("--spark-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Spark metastore and tables [default: $ZORGSPIEGEL_SPARK_DIR or build/spark].")
def spark_raw(db: Path | None, out: Path, spark_dir: Path | None) -> None:
    """Spark: export the raw layer (schemas raw, ingest) to Parquet and register it as Spark tables.

    Then `dbt build --target spark` runs every model on Spark. Needs `make spark`; docs/scale.md."""
    from .spark import export_landing_zone, register

    db = db or _default_db()
    spark_dir = spark_dir or Path(os.environ.get("ZORGSPIEGEL_SPARK_DIR", REPO_ROOT / "build" / "spark"))
    rows = export_landing_zone(db, out)
    click.echo(f"exported {len(rows)} tables, {sum(rows.values()):,} rows to {out}")
    if register(out, spark_dir).returncode:
        raise click.ClickException("registering the tables on Spark failed (is `make spark` installed?)")


@main.command()
@click.option("--zorgsoort", required=True, help="Type of care, e.g. huisartsenzorg (as in seed agb_kwalificaties).")
@click.option("--specialisme", default=None,
              help="Zorgspecialisme within the zorgsoort, e.g. huisarts [default: (alle), the zorgsoort total].")
@click.option("--gemeente", "gemeenten", multiple=True, metavar="GMxxxx",
              help="Gemeentecode to compare with the national figures; repeat, up to 5 times.")
@click.option("--peildatum", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="AGB snapshot date YYYY-MM-DD [default: the latest].")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the CSV download (all gemeenten, zorgsoorten and specialismen, with the national "
                   "totals) for the peildatum to this file.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Warehouse DuckDB file [default: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb].")
def zorgaanbod(zorgsoort: str, specialisme: str | None, gemeenten: tuple[str, ...], peildatum,
               csv_path: Path | None, db: Path | None) -> None:
    """Dashboard Zorgaanbod: vestigingen and zorgverleners per gemeente next to the national figures.

    Reads mart zorgaanbod__gemeente (AGB register). Example:

    \b
      zorgspiegel zorgaanbod --zorgsoort huisartsenzorg --gemeente GM0363 --gemeente GM0014
    """
    import duckdb

    from .zorgaanbod import ZorgaanbodInputError, compare, export_csv

    db = db or _default_db()
    if not db.exists():
        raise click.UsageError(f"warehouse {db} does not exist: build it first (zorgspiegel run)")
    con = duckdb.connect(str(db), read_only=True)
    try:
        try:
            df = compare(con, peildatum.date() if peildatum else None, zorgsoort, specialisme, list(gemeenten))
            rows = export_csv(con, csv_path, df.peildatum.iloc[0]) if csv_path else None
        except ZorgaanbodInputError as e:
            raise click.BadParameter(str(e), param_hint=f"'--{e.parameter}'") from None
        except duckdb.CatalogException:
            raise click.ClickException(f"{db} has no mart zorgaanbod__gemeente: run dbt build first") from None
    finally:
        con.close()
    first = df.iloc[0]
    click.echo(f"Zorgaanbod on {first.peildatum}: {first.zorgsoort}, zorgspecialisme {first.zorgspecialisme}")
    table = df.assign(gebied=[naam if niveau == "nederland" else f"{code} {naam}"
                              for code, naam, niveau in zip(df.gemeentecode, df.gemeentenaam, df.niveau)])
    table = table.set_index("gebied")[["aantal_vestigingen", "aantal_zorgverleners"]].T
    table.columns.name = None
    click.echo(table.to_string())
    if csv_path:
        click.echo(f"CSV download: {csv_path} ({rows:,} rows, all gemeenten, zorgsoorten and specialismen)")


@main.group("export")
def export_group() -> None:
    """Extracts of the marts for their users."""


def _tenant_command(name: str, metavar: str, tenant: str):
    """``zorgspiegel export <name> CODE --out DIR [--db FILE]``: one tenant's publication."""
    def decorate(f):
        f = click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help="Warehouse DuckDB file [default: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb].")(f)
        f = click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
                         help=f"Folder for the extract: new, empty, or this {tenant}'s earlier extract "
                              "(replaced atomically).")(f)
        return export_group.command(name)(click.argument("code", metavar=metavar)(f))
    return decorate


@_tenant_command("gemeente", "GMxxxx", "gemeente")
def export_gemeente(code: str, out: Path, db: Path | None) -> None:
    """Gemeentezorgspiegel extract of one municipality: its gemeente, wijken and buurten plus the
    national references, and its own Jeugdwet data only, as a serving publication (DuckDB file,
    Parquet per table, manifest). See docs/bi.md.

    \b
      zorgspiegel export gemeente GM0363 --out build/export/GM0363
    """
    from .export import export_gemeente as run

    _export(run, code, out, db, {"gemeentecode": "'GMxxxx'"})


@_tenant_command("praktijk", "AGB", "practice")
def export_praktijk(code: str, out: Path, db: Path | None) -> None:
    """Praktijkspiegel extract of one GP practice: its rows of the four praktijkspiegel marts, with
    the regional and national references, as a serving publication. See docs/bi.md.

    \b
      zorgspiegel export praktijk 01012345 --out build/export/01012345
    """
    from .export import export_praktijk as run

    _export(run, code, out, db, {"agb": "'AGB'"})


def _export(run, code: str, out: Path, db: Path | None, hints: dict[str, str]) -> None:
    from .export import ExportInputError

    db = db or _default_db()
    if not db.exists():
        raise click.UsageError(f"warehouse {db} does not exist: build it first (zorgspiegel run)")
    try:
        extract = run(db, code, out)
    except ExportInputError as e:
        hint = {**hints, "out": "'--out'", "db": "'--db'"}[e.parameter]
        raise click.BadParameter(str(e), param_hint=hint) from None
    click.echo(f"{extract.soort} {extract.code} {extract.naam} -> {extract.out}")
    for tabel, n in extract.rijen.items():
        click.echo(f"  {tabel:<45} {n:>10,} rows")
    echo_publication(extract.publicatie, f"{extract.soort} {extract.code}")


@main.group()
def seeds() -> None:
    """Reference seeds derived from ../shared/reference."""


@seeds.command("build")
@click.option("--reference", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=DEFAULT_REFERENCE_DIR, show_default=True, help="Folder with the real public figures.")
def seeds_build(reference: Path) -> None:
    """Rebuild seeds/reference/*.csv from the real public figures (deterministic)."""
    from .reference import build_reference_seeds
    from .vektis_seeds import build_vektis_seeds

    counts = build_reference_seeds(reference, SEEDS_DIR, arbeidsmarktregio_csv=CURATED_DIR / "arbeidsmarktregio_gemeente.csv")
    counts |= build_vektis_seeds(reference, SEEDS_DIR)
    for name, n in sorted(counts.items()):
        click.echo(f"  {name:<40} {n:>8,} rows")


main.add_command(praktijkspiegel)
main.add_command(publish)

if __name__ == "__main__":
    main()
