"""The ``zorgspiegel publish`` command (registered in zorgspiegel/cli.py; also the end of ``run``)."""
from __future__ import annotations

from pathlib import Path

import click

from .paths import default_db
from .serving import DEFAULT_KEEP, Publication


def default_serving(db: Path) -> Path:
    """The serving folder of a warehouse: ``serving`` beside it (build/serving for the default one)."""
    return db.parent / "serving"


def echo_publication(pub: Publication, what: str) -> None:
    rows = sum(t["rijen"] for t in pub.tables)
    phases = ", ".join(f"{name} {s:.1f} s" for name, s in pub.seconds.items())
    click.echo(f"Published {what} as {pub.id}: {len(pub.tables)} tables, {rows:,} rows "
               f"in {sum(pub.seconds.values()):.1f} s ({phases})")
    click.echo(f"  DuckDB:   {pub.database}")
    click.echo(f"  Parquet:  {pub.path / 'parquet'}")
    click.echo(f"  manifest: {pub.path / 'manifest.json'}")
    if pub.removed:
        click.echo(f"  removed older publications: {', '.join(pub.removed)}")


@click.command("publish")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Warehouse DuckDB file [default: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb].")
@click.option("--to", "to", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Serving folder [default: 'serving' beside the warehouse, build/serving].")
@click.option("--keep", type=click.IntRange(2, 1000), default=DEFAULT_KEEP, show_default=True,
              help="Publications to keep; older ones go once they were replaced 15 minutes ago.")
def publish(db: Path | None, to: Path | None, keep: int) -> None:
    """Publish every mart and the reference tables BI needs for BI tools: a DuckDB file, Parquet
    per table and manifest.json, switched in atomically (readers never see a mix). docs/bi.md.

    \b
      zorgspiegel publish                  # build/zorgspiegel.duckdb -> build/serving/zorgspiegel.duckdb
    """
    from .serving import PublishError, publish as run_publish

    db = db or default_db()
    to = to or default_serving(db)
    try:
        pub = run_publish(db, to, keep=keep)
    except PublishError as e:
        raise click.BadParameter(str(e), param_hint={"db": "'--db'", "to": "'--to'"}[e.parameter]) from None
    echo_publication(pub, f"{db}")
