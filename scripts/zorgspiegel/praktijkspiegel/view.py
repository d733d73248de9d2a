"""The report's rules on one practice's rows, and Dutch number formats.

- Per indicator (and per zorgstroom) the report shows the latest year up to the report year whose
  row ``is_uitgedeclareerd``; a year that is not yet fully claimed is left out of the figures and
  the trend, and the report says which year it shows instead.
- Costs come in two overviews, first line and second line (``lijn``); a line's total per patient
  is shown for a year only when every zorgstroom of that line is fully claimed in that year.
- Indicators are iterated as found in the data; known codes come first in a fixed order.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from .data import TREND_JAREN, PraktijkData

# Known indicator codes in report order; codes not listed follow alphabetically.
INDICATOR_VOLGORDE = [
    "consulten_binnen_per_patient", "consulten_buiten_per_patient", "visites_binnen_per_patient",
    "visites_buiten_per_patient", "mtvp_patienten_pct", "poh_ggz_consulten", "fkg_patienten_pct",
    "farmacie_kosten_per_patient", "msz_patienten_pct", "msz_kosten_per_patient",
]
LIJNEN = {"eerstelijn": "Kosten eerstelijnszorg", "tweedelijn": "Kosten tweedelijnszorg"}
KENMERKEN = {"leeftijd_geslacht": "Leeftijd en geslacht", "ses_woa": "Sociaaleconomische status (SES-WOA)"}
UITSLUITINGSREDENEN_NL = {
    "start_na_rapportjaar": "de AGB-startdatum ligt na het rapportjaar",
    "geen_patienten": "de praktijk had in het rapportjaar geen ingeschreven patiënten",
    "beeindigd": "de AGB-registratie van de praktijk is beëindigd",
}


# --- Dutch number formats -------------------------------------------------------------------

def getal(x: float | None, decimalen: int = 0) -> str:
    """1234.5 -> '1.234,5' (Dutch separators); None -> '–'."""
    if x is None:
        return "–"
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", "\0").replace(".", ",").replace("\0", ".")


def waarde(x: float | None, eenheid: str | None) -> str:
    """A figure in its unit: percentage (in percent, 0..100), aantal, per_patient, euro_per_patient."""
    if x is None:
        return "–"
    if eenheid == "percentage":
        return getal(x, 1) + "%"
    if eenheid == "aantal":
        return getal(x, 0 if abs(x) >= 100 else 1)
    if eenheid == "euro_per_patient":
        return "€ " + getal(x, 0 if abs(x) >= 100 else 2)
    return getal(x, 2 if abs(x) >= 0.1 or x == 0 else 3)  # per_patient: 0,03 visits need a third digit


def euro(x: float | None) -> str:
    return "–" if x is None else "€ " + getal(x, 0)


def ratio(x: float | None) -> str:
    return getal(x, 2)


def aandeel(x: float | None) -> str:
    """A share 0..1 as a percentage."""
    return "–" if x is None else getal(100 * x, 1) + "%"


def ratio_klasse(x: float | None) -> str:
    """CSS class: clearly above (> 1.10) or below (< 0.90) what is expected."""
    if x is None:
        return ""
    return "hoger" if x > 1.10 else "lager" if x < 0.90 else ""


# --- indicators and cost streams --------------------------------------------------------------

@dataclass
class Reeks:
    """One indicator or zorgstroom: the row shown (latest fully claimed year) and the trend."""

    code: str
    label: str
    eenheid: str
    groep: str | None
    getoond: dict[str, Any] | None       # the row of the year shown, None when no year is fully claimed
    jaren: list[int]                      # trend years, oldest first
    trend: dict[str, list[float | None]]  # 'waarde' | 'verwacht_regio' | 'verwacht_nederland' -> per year
    niet_uitgedeclareerd: list[int]       # trend years with a row that is not fully claimed yet

    @property
    def jaar(self) -> int | None:
        return self.getoond["jaar"] if self.getoond else None


def _reeksen(rows: Iterable[dict[str, Any]], sleutel: str, label: str, waarde_kolom: str,
             eenheid: str | None, jaren: list[int]) -> dict[str, Reeks]:
    per_code: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        per_code[row[sleutel]].append(row)
    reeksen = {}
    for code, code_rows in per_code.items():
        code_rows.sort(key=lambda r: r["jaar"])
        volledig = {r["jaar"]: r for r in code_rows if r["is_uitgedeclareerd"]}
        laatste = code_rows[-1]
        getoond = volledig[max(volledig)] if volledig else None
        trend = {"waarde": [volledig[j][waarde_kolom] if j in volledig else None for j in jaren]}
        for kolom in ("verwacht_regio", "verwacht_nederland"):
            trend[kolom] = [volledig[j][kolom] if j in volledig else None for j in jaren]
        reeksen[code] = Reeks(
            code=code, label=laatste[label] or code, eenheid=eenheid or laatste.get("eenheid"),
            groep=laatste.get("zorgstroom_groep"), getoond=getoond, jaren=jaren, trend=trend,
            niet_uitgedeclareerd=[r["jaar"] for r in code_rows if not r["is_uitgedeclareerd"]])
    return reeksen


def trendjaren(jaar: int) -> list[int]:
    return list(range(jaar - TREND_JAREN + 1, jaar + 1))


def patienten_trend(data: PraktijkData) -> list[int | None]:
    """Patients per trend year; None for a year without a row or before the practice started (its row
    says start_na_rapportjaar), so a new practice's earlier years are not drawn as 0 patients."""
    per_jaar = {r["jaar"]: r for r in data.jaren}
    return [per_jaar[j]["aantal_patienten"] if j in per_jaar and per_jaar[j]["uitsluitingsreden"]
            != "start_na_rapportjaar" else None for j in trendjaren(data.jaar)]


def indicatoren(data: PraktijkData) -> list[Reeks]:
    """Every indicator in the data, known codes first in report order."""
    reeksen = _reeksen(data.indicatoren, "indicator", "indicator_omschrijving", "waarde", None,
                       trendjaren(data.jaar))
    bekend = {code: i for i, code in enumerate(INDICATOR_VOLGORDE)}
    return sorted(reeksen.values(), key=lambda r: (bekend.get(r.code, len(bekend)), r.code))


@dataclass
class Kostenoverzicht:
    """Costs of one line (eerstelijn or tweedelijn) per zorgstroom, and the line's total."""

    lijn: str
    titel: str
    stromen: list[Reeks]                  # largest cost per patient first
    totaal_jaar: int | None               # latest year with every stream of the line fully claimed
    totaal: dict[str, float | None]       # kosten, kosten_per_patient, verwacht_regio, verwacht_nederland
    jaren: list[int]
    totaal_trend: dict[str, list[float | None]]


def _som(rows: list[dict[str, Any]], kolom: str) -> float | None:
    waarden = [r[kolom] for r in rows if r[kolom] is not None]
    return sum(waarden) if waarden else None


def kostenoverzichten(data: PraktijkData) -> list[Kostenoverzicht]:
    """The two cost overviews, first line then second line (other lijn values after them)."""
    jaren = trendjaren(data.jaar)
    overzichten = []
    bekend = list(LIJNEN)
    for lijn in sorted({r["lijn"] for r in data.kosten},
                       key=lambda x: (bekend.index(x) if x in bekend else len(bekend), x)):
        rows = [r for r in data.kosten if r["lijn"] == lijn]
        stromen = _reeksen(rows, "zorgstroom", "zorgstroom_omschrijving", "kosten_per_patient",
                           "euro_per_patient", jaren).values()
        per_jaar: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            per_jaar[r["jaar"]].append(r)
        volledig = sorted(j for j, rs in per_jaar.items() if all(r["is_uitgedeclareerd"] for r in rs))
        kolommen = ("kosten", "kosten_per_patient", "verwacht_regio", "verwacht_nederland")
        totaal_jaar = volledig[-1] if volledig else None
        totaal = {k: _som(per_jaar[totaal_jaar], k) if totaal_jaar else None for k in kolommen}
        for k, noemer in (("ratio_regio", "verwacht_regio"), ("ratio_nederland", "verwacht_nederland")):
            totaal[k] = totaal["kosten_per_patient"] / totaal[noemer] if totaal[noemer] else None
        trend = {k: [_som(per_jaar[j], k) if j in volledig else None for j in jaren]
                 for k in ("kosten_per_patient", "verwacht_regio", "verwacht_nederland")}
        overzichten.append(Kostenoverzicht(
            lijn=lijn, titel=LIJNEN.get(lijn, f"Kosten {lijn}"),
            stromen=sorted(stromen, key=lambda s: (-((s.getoond or {}).get("kosten_per_patient") or 0), s.code)),
            totaal_jaar=totaal_jaar, totaal=totaal, jaren=jaren,
            totaal_trend={"waarde": trend["kosten_per_patient"], "verwacht_regio": trend["verwacht_regio"],
                          "verwacht_nederland": trend["verwacht_nederland"]}))
    return overzichten


# --- population ------------------------------------------------------------------------------

LEEFTIJD_GESLACHT = re.compile(r"^(?P<leeftijd>.+?)\s+(?P<geslacht>[MVO])$")


def populatie(data: PraktijkData) -> dict[str, list[dict[str, Any]]]:
    """kenmerk -> its categories in order (report year)."""
    per_kenmerk: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in data.populatie:
        per_kenmerk[row["kenmerk"]].append(row)
    volgorde = {k: i for i, k in enumerate(KENMERKEN)}
    return {k: sorted(rows, key=lambda r: (r["volgorde"] is None, r["volgorde"], r["categorie"]))
            for k, rows in sorted(per_kenmerk.items(), key=lambda kv: (volgorde.get(kv[0], len(volgorde)), kv[0]))}


def piramide(rows: list[dict[str, Any]]) -> list[tuple[str, dict | None, dict | None]] | None:
    """Age/sex rows as (age class, man row, vrouw row) in category order; None when a category is
    not '<age> M', '<age> V' or '<age> O' (the report then draws plain bars). Sex unknown ('O') has
    no side in a pyramid: the report states its total share below it (see onbekend_geslacht)."""
    leeftijden: dict[str, dict[str, dict]] = {}
    for row in rows:
        m = LEEFTIJD_GESLACHT.match(row["categorie"] or "")
        if not m:
            return None
        leeftijden.setdefault(m["leeftijd"], {})[m["geslacht"]] = row
    return [(leeftijd, g.get("M"), g.get("V")) for leeftijd, g in leeftijden.items() if "M" in g or "V" in g]


def onbekend_geslacht(rows: list[dict[str, Any]]) -> dict[str, float] | None:
    """Total shares of the patients with sex unknown ('<age> O'), for the practice, the region and
    the country; None when there are none at all."""
    onbekend = [r for r in rows if (m := LEEFTIJD_GESLACHT.match(r["categorie"] or "")) and m["geslacht"] == "O"]
    if not onbekend:
        return None
    return {k: sum(r[k] or 0 for r in onbekend) for k in ("aandeel_praktijk", "aandeel_regio", "aandeel_nederland")}


def formatter(eenheid: str | None):
    """A one-argument formatter for the charts' value labels."""
    return lambda x: waarde(x, eenheid)


# --- chart items: (label, one value per series) ---------------------------------------------

def populatie_items(rows: list[dict[str, Any]]) -> list[tuple[str, list[float | None]]]:
    return [(r["categorie"], [r["aandeel_praktijk"], r["aandeel_regio"], r["aandeel_nederland"]]) for r in rows]


def ratio_items(reeksen: list[Reeks]) -> list[tuple[str, list[float | None]]]:
    return [(r.label, [r.getoond["ratio_regio"], r.getoond["ratio_nederland"]]) for r in reeksen if r.getoond]


def kosten_items(stromen: list[Reeks]) -> list[tuple[str, list[float | None]]]:
    return [(s.label, [s.getoond["kosten_per_patient"], s.getoond["verwacht_regio"], s.getoond["verwacht_nederland"]])
            for s in stromen if s.getoond]
