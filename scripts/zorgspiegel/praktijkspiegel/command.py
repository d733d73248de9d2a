"""The ``zorgspiegel praktijkspiegel`` command (registered in zorgspiegel/cli.py)."""
from __future__ import annotations

import os
import time
from contextlib import nullcontext
from pathlib import Path

import click

from ..paths import REPO_ROOT, default_db


@click.command("praktijkspiegel")
@click.option("--praktijk", "agb", metavar="AGB", default=None, help="AGB code of the practice to render.")
@click.option("--alle", is_flag=True, default=False,
              help="Render every practice with a mirror in the year, in parallel, with an index.html.")
@click.option("--jaar", type=int, default=None, help="Report year YYYY [default: the latest in the marts].")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              default=REPO_ROOT / "build" / "praktijkspiegel", show_default=True,
              help="Output folder: <out>/<agb>/praktijkspiegel_<agb>_<jaar>.html and .pdf.")
@click.option("--ook-beeindigd", is_flag=True, default=False,
              help="Also render practices whose only reason for exclusion is an AGB end date in the past "
                   "(uitsluitingsreden 'beeindigd'; available on request).")
@click.option("--pdf/--no-pdf", default=True, show_default=True, help="Also print the PDF (headless Chromium).")
@click.option("--workers", type=click.IntRange(1, 64), default=min(4, os.cpu_count() or 1), show_default=True,
              help="Parallel worker processes for --alle (each with its own Chromium).")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Warehouse DuckDB file [default: $ZORGSPIEGEL_DUCKDB or build/zorgspiegel.duckdb].")
def praktijkspiegel(agb: str | None, alle: bool, jaar: int | None, out: Path, ook_beeindigd: bool, pdf: bool,
                    workers: int, db: Path | None) -> None:
    """Praktijkspiegel: a GP practice's figures next to what is expected for its patients (HTML with
    charts, and PDF), read from the marts praktijkspiegel__* alone.

    \b
    Examples:
      zorgspiegel praktijkspiegel --praktijk 01012345 --jaar 2023 --out build/spiegels
      zorgspiegel praktijkspiegel --alle --out build/spiegels
    """
    from . import data
    from .pdf import require_chromium

    if bool(agb) == alle:
        raise click.UsageError("give either --praktijk AGB or --alle")
    db = db or default_db()
    try:
        if pdf:
            require_chromium()
        if alle:
            _render_alle(db, jaar, out, ook_beeindigd, pdf, workers)
        else:
            _render_een(db, agb, jaar, out, ook_beeindigd, pdf)
    except data.PraktijkOnbekend as e:
        raise click.BadParameter(str(e), param_hint="'--praktijk'") from None
    except data.JaarOntbreekt as e:
        raise click.BadParameter(str(e), param_hint="'--jaar'") from None
    except data.PraktijkspiegelError as e:  # marts missing, no mirror for the practice, no Chromium
        raise click.ClickException(str(e)) from None


def _render_een(db: Path, agb: str, jaar: int | None, out: Path, ook_beeindigd: bool, pdf: bool) -> None:
    from . import batch, data
    from .pdf import Browser

    con = data.connect(db)
    try:
        with Browser() if pdf else nullcontext() as browser:
            result = batch.render_one(con, browser, agb, jaar, out, ook_beeindigd)
    finally:
        con.close()
    click.echo(f"Praktijkspiegel {result['jaar']} for {result['agb']}: {result['html']}")
    if result["pdf"]:
        click.echo(f"PDF: {result['pdf']}")


def _render_alle(db: Path, jaar: int | None, out: Path, ook_beeindigd: bool, pdf: bool, workers: int) -> None:
    from . import batch, data
    from .render import write_index

    con = data.connect(db)
    try:
        jaar = data.resolve_jaar(con, jaar)
        praktijken = [agb for agb, _ in data.eligible_practices(con, jaar, ook_beeindigd)]
    finally:
        con.close()
    if not praktijken:
        raise click.ClickException(f"no practice has a Praktijkspiegel for {jaar} in {db}")
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    gelukt, fouten = [], []
    with click.progressbar(length=len(praktijken), label=f"Praktijkspiegels {jaar} ({workers} workers)",
                           show_pos=True, file=click.get_text_stream("stderr")) as bar:
        for result in batch.render_many(db, jaar, praktijken, out, ook_beeindigd, pdf, workers):
            (fouten if "fout" in result else gelukt).append(result)
            bar.update(1)
    seconden = time.time() - t0
    for r in gelukt:  # links in the index are relative to it
        r["html"] = Path(r["html"]).relative_to(out).as_posix()
        r["pdf"] = Path(r["pdf"]).relative_to(out).as_posix() if r["pdf"] else None
    index = write_index(out, jaar, gelukt, pdf)
    click.echo(f"{len(gelukt)} Praktijkspiegels {jaar} in {seconden:.1f} s "
               f"({len(gelukt) / seconden:.2f} per second); index: {index}")
    for r in fouten:
        click.echo(f"  failed {r['agb']}: {r['fout']}", err=True)
    if fouten:
        raise click.ClickException(f"{len(fouten)} of {len(praktijken)} practices failed")
