"""The PDF of a report: the same HTML printed by headless Chromium through Playwright.

Playwright drives the Debian ``chromium`` package (``make browser`` installs it); it never
downloads a browser of its own (no ``playwright install``: the machines are offline). One
``Browser`` prints many reports, so ``--alle`` starts Chromium once per worker, not per report.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .data import PraktijkspiegelError

# Offline, in a container as root: no sandbox, no GPU, no background traffic to Google services.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MARGE = {"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"}  # as @page in the template


class ChromiumOntbreekt(PraktijkspiegelError):
    """No Chromium binary to print with."""


def chromium_path() -> Path:
    """$ZORGSPIEGEL_CHROMIUM or /usr/bin/chromium (Debian package chromium)."""
    return Path(os.environ.get("ZORGSPIEGEL_CHROMIUM", "/usr/bin/chromium"))


def require_chromium() -> Path:
    path = chromium_path()
    if not path.exists():
        raise ChromiumOntbreekt(f"Chromium not found at {path}: run `make browser` (apt-get install chromium), "
                                "set ZORGSPIEGEL_CHROMIUM, or use --no-pdf")
    return path


class Browser:
    """A headless Chromium for printing and inspecting report pages; use as a context manager."""

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None

    def start(self) -> "Browser":
        from playwright.sync_api import sync_playwright

        executable = require_chromium()
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(executable_path=str(executable), headless=True,
                                                             args=CHROMIUM_FLAGS)
        except BaseException:
            self._playwright.stop()
            raise
        return self

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def __enter__(self) -> "Browser":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def page(self, html_path: Path, breedte: int = 900, hoogte: int = 1200) -> Iterator:
        """A Playwright page showing the report file (no network: the file is self-contained)."""
        page = self._browser.new_page(viewport={"width": breedte, "height": hoogte})
        try:
            page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
            yield page
        finally:
            page.close()

    def pdf(self, html_path: Path, pdf_path: Path, voettekst: str = "Praktijkspiegel") -> Path:
        """Print the report to an A4 PDF with page numbers in the footer."""
        from html import escape

        with self.page(html_path) as page:
            page.pdf(path=str(pdf_path), format="A4", print_background=True, margin=MARGE,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template=('<div style="font-size:7pt;color:#666;width:100%;text-align:center;">'
                                      f'{escape(voettekst)} – pagina <span class="pageNumber"></span> van '
                                      '<span class="totalPages"></span></div>'))
        return pdf_path
