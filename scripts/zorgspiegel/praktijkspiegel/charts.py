"""Charts as inline SVG strings, drawn in Python: the report is one self-contained file that needs
no JavaScript or network (the machines are offline) and prints the same in the PDF.

Every chart is ``<svg class="chart chart-<kind>">`` with a ``<title>``; bars are ``rect.bar``,
trend lines ``path.trend-line`` and their points ``circle.punt``, so tests can count what is drawn.
"""
from __future__ import annotations

import math
from html import escape
from typing import Callable, Sequence

from markupsafe import Markup

from .view import getal

# The three series of every comparison, in legend order: (key, legend label, colour).
SERIES = [
    ("waarde", "Uw praktijk", "#1f4e79"),
    ("verwacht_regio", "Verwacht (regio)", "#e07b00"),
    ("verwacht_nederland", "Verwacht (Nederland)", "#8c8c8c"),
]
KLEUR = {key: kleur for key, _, kleur in SERIES}
STREEP = {"waarde": "", "verwacht_regio": "6,3", "verwacht_nederland": "2,3"}
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
Fmt = Callable[[float | None], str]


def _svg(kind: str, breedte: float, hoogte: float, titel: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart chart-{kind}" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(titel)}" viewBox="0 0 {breedte:.0f} {hoogte:.0f}" width="{breedte:.0f}" '
        f'height="{hoogte:.0f}" font-family="{FONT}" font-size="11" style="max-width:100%;height:auto">'
        f"<title>{escape(titel)}</title>{''.join(body)}</svg>")


def _tekst(x: float, y: float, tekst: str, anker: str = "start", grootte: float = 11,
           kleur: str = "#222", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anker}" font-size="{grootte}" fill="{kleur}" '
            f'dominant-baseline="middle"{extra}>{escape(tekst)}</text>')


def _kort(tekst: str, max_tekens: int) -> str:
    return tekst if len(tekst) <= max_tekens else tekst[: max_tekens - 1].rstrip() + "…"


def staven(items: Sequence[tuple[str, Sequence[float | None]]], fmt: Fmt, titel: str,
           series: Sequence[str] = ("waarde", "verwacht_regio", "verwacht_nederland"),
           referentie: float | None = None, label_breedte: float = 250, breedte: float = 720) -> Markup:
    """Horizontal grouped bars: one group per item (label, one value per series); the value is
    printed after each bar. ``referentie`` draws a dashed vertical line (e.g. ratio 1)."""
    staaf, tussen, boven = 9.0, 9.0, 4.0
    rij = len(series) * staaf + tussen
    x0 = label_breedte + 8
    plot = breedte - x0 - 78
    hoogte = boven + len(items) * rij + (18 if referentie is not None else 4)
    waarden = [v for _, vs in items for v in vs if v is not None]
    maximum = max([*waarden, referentie or 0, 0]) or 1.0

    def x(v: float) -> float:
        return x0 + max(v, 0) / maximum * plot

    body = [f'<line x1="{x0}" y1="{boven}" x2="{x0}" y2="{hoogte - 4}" stroke="#999" stroke-width="1"/>']
    for i, (label, vs) in enumerate(items):
        y = boven + i * rij
        body.append(_tekst(label_breedte, y + rij / 2 - tussen / 2, _kort(label, int(label_breedte / 6.2)),
                           anker="end"))
        for s, (serie, v) in enumerate(zip(series, vs)):
            ys = y + s * staaf
            if v is None:
                body.append(_tekst(x0 + 3, ys + staaf / 2, "–", grootte=9, kleur="#666"))
                continue
            body.append(f'<rect class="bar serie-{serie}" x="{x0}" y="{ys:.1f}" width="{x(v) - x0:.1f}" '
                        f'height="{staaf - 1:.1f}" fill="{KLEUR.get(serie, "#555")}"/>')
            body.append(_tekst(x(v) + 4, ys + staaf / 2, fmt(v), grootte=9, kleur="#333"))
    if referentie is not None:
        xr = x(referentie)
        body.append(f'<line x1="{xr:.1f}" y1="{boven}" x2="{xr:.1f}" y2="{hoogte - 14}" stroke="#c00" '
                    'stroke-width="1" stroke-dasharray="4,3"/>')
        body.append(_tekst(xr, hoogte - 7, fmt(referentie), anker="middle", grootte=9, kleur="#c00"))
    return _svg("staven", breedte, hoogte, titel, body)


def piramide(rijen: Sequence[tuple[str, dict | None, dict | None]], titel: str, breedte: float = 720) -> Markup:
    """Age/sex pyramid of shares: men left, women right; the practice as bars, the region and the
    Netherlands as ticks at their shares."""
    rij, boven, midden = 12.0, 20.0, 26.0
    hoogte = boven + len(rijen) * rij + 20
    centrum = breedte / 2
    half = centrum - midden - 40
    aandelen = [r[k] for _, m, v in rijen for r in (m, v) if r
                for k in ("aandeel_praktijk", "aandeel_regio", "aandeel_nederland") if r[k] is not None]
    maximum = max([*aandelen, 0]) or 1.0
    body = [_tekst(centrum - midden, 8, "Mannen", anker="end", grootte=10, extra=' font-weight="bold"'),
            _tekst(centrum + midden, 8, "Vrouwen", grootte=10, extra=' font-weight="bold"')]
    for i, (leeftijd, man, vrouw) in enumerate(reversed(rijen)):  # oldest on top
        y = boven + i * rij
        body.append(_tekst(centrum, y + rij / 2, leeftijd, anker="middle", grootte=9))
        for row, richting in ((man, -1), (vrouw, 1)):
            if not row:
                continue
            basis = centrum + richting * midden
            praktijk = row["aandeel_praktijk"] or 0
            lengte = max(praktijk, 0) / maximum * half
            x = basis - lengte if richting < 0 else basis
            body.append(f'<rect class="bar serie-waarde" x="{x:.1f}" y="{y + 1:.1f}" width="{lengte:.1f}" '
                        f'height="{rij - 2:.1f}" fill="{KLEUR["waarde"]}"/>')
            for key in ("aandeel_regio", "aandeel_nederland"):
                if row[key] is None:
                    continue
                xt = basis + richting * max(row[key], 0) / maximum * half
                kleur = KLEUR[key.replace("aandeel", "verwacht")]
                body.append(f'<line class="tick" x1="{xt:.1f}" y1="{y:.1f}" x2="{xt:.1f}" y2="{y + rij:.1f}" '
                            f'stroke="{kleur}" stroke-width="2"/>')
    voet = hoogte - 8
    for fractie in (0, 0.5, 1):
        for richting in (-1, 1):
            xt = centrum + richting * (midden + fractie * half)
            body.append(_tekst(xt, voet, getal(100 * maximum * fractie, 1) + "%", anker="middle", grootte=8,
                               kleur="#666"))
    return _svg("piramide", breedte, hoogte, titel, body)


def _stap(bereik: float) -> float:
    """A round grid step giving about four intervals."""
    ruw = bereik / 4 or 1.0
    macht = 10 ** math.floor(math.log10(ruw))
    return next(f * macht for f in (1, 2, 2.5, 5, 10) if f * macht >= ruw)


def trend(jaren: Sequence[int], reeksen: dict[str, Sequence[float | None]], titel: str,
          breedte: float = 340, hoogte: float = 170) -> Markup:
    """Lines over the years, one per series key (``waarde`` = the practice, drawn thickest); a year
    without a value (not yet fully claimed, or no row) breaks the line."""
    links, rechts, boven, onder = 56.0, 12.0, 10.0, 24.0
    waarden = [v for vs in reeksen.values() for v in vs if v is not None]
    body: list[str] = []
    if not waarden:
        body.append(_tekst(breedte / 2, hoogte / 2, "Nog geen uitgedeclareerde gegevens", anker="middle",
                           kleur="#666"))
        return _svg("trend", breedte, hoogte, titel, body)
    laag, hoog = min(0.0, min(waarden)), max(0.0, max(waarden))
    stap = _stap(hoog - laag)
    laag, hoog = math.floor(laag / stap) * stap, (math.ceil(hoog / stap) * stap) or stap
    decimalen = max(0, -math.floor(math.log10(stap))) if stap < 1 else (1 if stap % 1 else 0)
    plot_b, plot_h = breedte - links - rechts, hoogte - boven - onder

    def xy(i: int, v: float) -> tuple[float, float]:
        x = links + (i + 0.5) * plot_b / len(jaren)
        return x, boven + (hoog - v) / (hoog - laag) * plot_h

    n_stappen = round((hoog - laag) / stap)
    for k in range(n_stappen + 1):
        v = laag + k * stap
        _, y = xy(0, v)
        body.append(f'<line x1="{links}" y1="{y:.1f}" x2="{breedte - rechts}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        body.append(_tekst(links - 4, y, getal(v, decimalen), anker="end", grootte=9, kleur="#555"))
    for i, jaar in enumerate(jaren):
        x, _ = xy(i, laag)
        body.append(_tekst(x, hoogte - 9, str(jaar), anker="middle", grootte=9, kleur="#555"))
    for key, vs in reversed(list(reeksen.items())):  # the practice last, so on top
        kleur, dik = KLEUR.get(key, "#555"), 2.5 if key == "waarde" else 1.5
        streep = f' stroke-dasharray="{STREEP[key]}"' if STREEP.get(key) else ""
        punten = [(i, v) for i, v in enumerate(vs) if v is not None]
        segment: list[str] = []
        for n, (i, v) in enumerate(punten):
            x, y = xy(i, v)
            segment.append(f"{'M' if not segment else 'L'}{x:.1f},{y:.1f}")
            if n + 1 == len(punten) or punten[n + 1][0] != i + 1:  # end of a run of consecutive years
                if len(segment) > 1:
                    body.append(f'<path class="trend-line serie-{key}" d="{" ".join(segment)}" fill="none" '
                                f'stroke="{kleur}" stroke-width="{dik}"{streep}/>')
                segment = []
            body.append(f'<circle class="punt serie-{key}" cx="{x:.1f}" cy="{y:.1f}" r="{3 if dik > 2 else 2.2}" '
                        f'fill="{kleur}"/>')
    return _svg("trend", breedte, hoogte, titel, body)
