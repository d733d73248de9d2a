"""Render reports: one practice, or many in parallel worker processes.

Each worker opens the warehouse read-only once and starts one Chromium, then renders practice
after practice; results stream back as they finish so the caller can move a progress bar.
Workers are *spawned* (not forked), so no DuckDB connection or browser pipe is shared.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Iterator, Sequence

import duckdb

from . import data as mart
from .pdf import Browser
from .render import report_paths, write_html


def render_one(con: duckdb.DuckDBPyConnection, browser: Browser | None, agb: str, jaar: int | None, out: Path,
               ook_beeindigd: bool = False) -> dict:
    """Write DIR/<agb>/praktijkspiegel_<agb>_<jaar>.html (and .pdf when a browser is given).

    Returns agb, naam, aantal_patienten, jaar, html, pdf (paths; pdf None without a browser)."""
    rows = mart.load(con, agb, jaar, ook_beeindigd)
    html_path = write_html(rows, out)
    pdf_path = None
    if browser is not None:
        pdf_path = browser.pdf(html_path, report_paths(out, rows.agb, rows.jaar)[1],
                               voettekst=f"Praktijkspiegel {rows.jaar} · AGB {rows.agb}")
    return {"agb": rows.agb, "naam": rows.praktijk["praktijk_naam"], "jaar": rows.jaar,
            "aantal_patienten": rows.praktijk["aantal_patienten"], "html": html_path, "pdf": pdf_path}


# --- worker processes -------------------------------------------------------------------------

_worker: dict = {}


def _close_worker() -> None:
    if _worker.get("browser"):
        _worker["browser"].close()
    if _worker.get("con"):
        _worker["con"].close()
    _worker.clear()


def _start_worker(db: str, pdf: bool, in_pool: bool = True) -> None:
    _worker["con"] = mart.connect(db)
    _worker["browser"] = Browser().start() if pdf else None
    if in_pool:  # close the browser when the worker process exits (multiprocessing runs finalizers then)
        Finalize(None, _close_worker, exitpriority=10)


def _render_in_worker(agb: str, jaar: int, out: str, ook_beeindigd: bool) -> dict:
    try:
        return render_one(_worker["con"], _worker["browser"], agb, jaar, Path(out), ook_beeindigd)
    except Exception as e:  # one bad practice must not stop the others; the caller reports it
        return {"agb": agb, "fout": f"{type(e).__name__}: {e}"}


def render_many(db: Path, jaar: int, praktijken: Sequence[str], out: Path, ook_beeindigd: bool = False,
                pdf: bool = True, workers: int = 2) -> Iterator[dict]:
    """Render every practice in ``praktijken``; yields each result (see render_one, or agb and
    'fout' on failure) as soon as it is done, in completion order."""
    if workers <= 1 or len(praktijken) <= 1:
        try:
            _start_worker(str(db), pdf, in_pool=False)
            for agb in praktijken:
                yield _render_in_worker(agb, jaar, str(out), ook_beeindigd)
        finally:
            _close_worker()
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(praktijken)), initializer=_start_worker,
                             initargs=(str(db), pdf), mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_render_in_worker, agb, jaar, str(out), ook_beeindigd) for agb in praktijken]
        for future in as_completed(futures):
            yield future.result()
