"""The Praktijkspiegel HTML: Jinja2 templates in ``templates/``, CSS and SVG charts inline, so the
file is self-contained (it opens offline and prints to PDF as is)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import jinja2

from . import charts, view
from .data import PraktijkData

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(getal=view.getal, waarde=view.waarde, euro=view.euro, ratio=view.ratio,
                       aandeel=view.aandeel, ratio_klasse=view.ratio_klasse)
    env.globals.update(charts=charts, SERIES=charts.SERIES, formatter=view.formatter, aandeel_fmt=view.aandeel,
                       ratio_fmt=view.ratio, populatie_items=view.populatie_items, ratio_items=view.ratio_items,
                       kosten_items=view.kosten_items)
    return env


def report_paths(out: Path, agb: str, jaar: int) -> tuple[Path, Path]:
    """DIR/<agb>/praktijkspiegel_<agb>_<jaar>.html and .pdf."""
    stam = out / agb / f"praktijkspiegel_{agb}_{jaar}"
    return stam.with_suffix(".html"), stam.with_suffix(".pdf")


def render_html(data: PraktijkData, vandaag: dt.date | None = None) -> str:
    populatie = view.populatie(data)
    leeftijd_geslacht = populatie.get("leeftijd_geslacht", [])
    return environment().get_template("praktijkspiegel.html.j2").render(
        data=data,
        p=data.praktijk,
        jaren=view.trendjaren(data.jaar),
        patienten_trend=view.patienten_trend(data),
        populatie=populatie,
        kenmerken=view.KENMERKEN,
        piramide=view.piramide(leeftijd_geslacht) if leeftijd_geslacht else None,
        onbekend_geslacht=view.onbekend_geslacht(leeftijd_geslacht),
        indicatoren=view.indicatoren(data),
        kosten=view.kostenoverzichten(data),
        redenen=view.UITSLUITINGSREDENEN_NL,
        vandaag=vandaag or dt.date.today(),
    )


def write_html(data: PraktijkData, out: Path) -> Path:
    html_path, _ = report_paths(out, data.agb, data.jaar)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(render_html(data), encoding="utf-8")
    return html_path


def write_index(out: Path, jaar: int, rapporten: list[dict], pdf: bool) -> Path:
    """out/index.html: a link to every rendered practice's report (AGB code, name, patients)."""
    path = out / "index.html"
    path.write_text(environment().get_template("index.html.j2").render(
        jaar=jaar, rapporten=sorted(rapporten, key=lambda r: r["agb"]), pdf=pdf, vandaag=dt.date.today()),
        encoding="utf-8")
    return path
