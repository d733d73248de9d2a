"""Read one practice's Praktijkspiegel rows from the four contracted marts.

Every query that returns practice rows filters on ``praktijk_agb = ?`` (a parameter, never string
formatting), so a report can only ever hold its own practice's rows; the regional and national
references come as columns of those rows (``verwacht_*``, ``aandeel_regio``/``_nederland``).
Only the columns of the agreed mart contract are read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import duckdb

PRAKTIJK_JAAR = "marts.praktijkspiegel__praktijk_jaar"
POPULATIE = "marts.praktijkspiegel__populatie"
INDICATOREN = "marts.praktijkspiegel__indicatoren"
KOSTEN = "marts.praktijkspiegel__kosten_zorgstroom"
MARTS = (PRAKTIJK_JAAR, POPULATIE, INDICATOREN, KOSTEN)
TREND_JAREN = 5  # the report shows the report year and the four years before it

PRAKTIJK_KOLOMMEN = ["praktijk_agb", "jaar", "praktijk_naam", "gemeentecode", "regiocode", "regionaam",
                     "aantal_patienten", "heeft_spiegel", "uitsluitingsreden", "is_beeindigd",
                     "agb_begindatum", "agb_einddatum"]
POPULATIE_KOLOMMEN = ["jaar", "kenmerk", "categorie", "volgorde", "aantal_patienten", "aandeel_praktijk",
                      "aandeel_regio", "aandeel_nederland"]
INDICATOR_KOLOMMEN = ["jaar", "indicator", "indicator_omschrijving", "eenheid", "zorgstroom_groep", "waarde",
                      "verwacht_regio", "verwacht_nederland", "ratio_regio", "ratio_nederland",
                      "is_uitgedeclareerd"]
KOSTEN_KOLOMMEN = ["jaar", "zorgstroom", "zorgstroom_omschrijving", "lijn", "kosten", "kosten_per_patient",
                   "verwacht_regio", "verwacht_nederland", "ratio_regio", "ratio_nederland", "is_uitgedeclareerd"]

# Why a practice gets no mirror (uitsluitingsreden in the mart), in words for the error message.
UITSLUITINGSREDENEN = {
    "start_na_rapportjaar": "its AGB start date lies after the report year",
    "geen_patienten": "it has no registered patients in the report year",
    "beeindigd": "its AGB end date lies in the past (a mirror is available on request: --ook-beeindigd)",
}


class PraktijkspiegelError(Exception):
    """A report cannot be made; the message names the practice, the year and the reason."""


class MartsOntbreken(PraktijkspiegelError):
    """The warehouse lacks the Praktijkspiegel marts."""


class PraktijkOnbekend(PraktijkspiegelError):
    """No row for this AGB code in the marts."""


class JaarOntbreekt(PraktijkspiegelError):
    """The year is not in the marts, or not for this practice."""


class GeenSpiegel(PraktijkspiegelError):
    """The practice is not eligible for a mirror in the year; ``reden`` is its uitsluitingsreden."""

    def __init__(self, message: str, reden: str | None) -> None:
        super().__init__(message)
        self.reden = reden


@dataclass
class PraktijkData:
    """Everything one report shows, all rows of practice ``agb``."""

    agb: str
    jaar: int
    praktijk: dict[str, Any]                  # praktijk_jaar row of the report year
    jaren: list[dict[str, Any]]               # praktijk_jaar rows of the trend years, oldest first
    populatie: list[dict[str, Any]]           # report year only
    indicatoren: list[dict[str, Any]] = field(default_factory=list)  # trend years
    kosten: list[dict[str, Any]] = field(default_factory=list)       # trend years


def connect(db: Path | str) -> duckdb.DuckDBPyConnection:
    """The warehouse, read-only; checks that the four marts exist."""
    db = Path(db)
    if not db.exists():
        raise MartsOntbreken(f"warehouse {db} does not exist: build it first (zorgspiegel run, or dbt build)")
    con = duckdb.connect(str(db), read_only=True)
    try:
        check_marts(con, db)
    except BaseException:
        con.close()
        raise
    return con


def check_marts(con: duckdb.DuckDBPyConnection, db: Path | str = "the warehouse") -> None:
    bestaand = {f"marts.{naam}" for (naam,) in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
    ontbrekend = [m for m in MARTS if m not in bestaand]
    if ontbrekend:
        raise MartsOntbreken(f"{db} lacks {', '.join(ontbrekend)}: run `dbt build` (or `zorgspiegel run`) "
                             "to build the Praktijkspiegel marts first")


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def report_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The years in the marts, oldest first."""
    return [j for (j,) in con.execute(f"select distinct jaar from {PRAKTIJK_JAAR} order by jaar").fetchall()]


def resolve_jaar(con: duckdb.DuckDBPyConnection, jaar: int | None) -> int:
    """The given year if the marts hold it; the latest one when None."""
    jaren = report_years(con)
    if not jaren:
        raise JaarOntbreekt(f"{PRAKTIJK_JAAR} is empty: run `dbt build` on a warehouse with deliveries")
    if jaar is None:
        return jaren[-1]
    if jaar not in jaren:
        raise JaarOntbreekt(f"year {jaar} is not in the Praktijkspiegel marts; available: "
                            f"{', '.join(map(str, jaren))}")
    return jaar


def is_eligible(row: dict[str, Any], ook_beeindigd: bool) -> bool:
    """A mirror for this praktijk_jaar row: heeft_spiegel, or on request a practice whose only
    reason for exclusion is that it has ended."""
    return bool(row["heeft_spiegel"]) or (ook_beeindigd and row["uitsluitingsreden"] == "beeindigd")


def load(con: duckdb.DuckDBPyConnection, agb: str, jaar: int | None = None,
         ook_beeindigd: bool = False) -> PraktijkData:
    """Practice ``agb``'s rows for report year ``jaar`` (default the latest) and the four years before.

    Raises PraktijkOnbekend, JaarOntbreekt or GeenSpiegel with a message for the user."""
    agb = agb.strip()
    jaar = resolve_jaar(con, jaar)
    jaren = _dicts(con, f"select {', '.join(PRAKTIJK_KOLOMMEN)} from {PRAKTIJK_JAAR} "
                        "where praktijk_agb = ? order by jaar", [agb])
    if not jaren:
        raise PraktijkOnbekend(f"unknown practice {agb!r}: no AGB code {agb!r} in {PRAKTIJK_JAAR}")
    praktijk = next((r for r in jaren if r["jaar"] == jaar), None)
    if praktijk is None:
        raise JaarOntbreekt(f"practice {agb} has no row for {jaar}; its years: "
                            f"{', '.join(str(r['jaar']) for r in jaren)}")
    if not is_eligible(praktijk, ook_beeindigd):
        reden = praktijk["uitsluitingsreden"]
        naam = f" ({praktijk['praktijk_naam']})" if praktijk["praktijk_naam"] else ""
        raise GeenSpiegel(f"practice {agb}{naam} has no Praktijkspiegel for {jaar}: uitsluitingsreden "
                          f"{reden!r}, {UITSLUITINGSREDENEN.get(reden, 'see the mart')}", reden)
    eerste = jaar - TREND_JAREN + 1
    params = [agb, eerste, jaar]
    per_jaar = "where praktijk_agb = ? and jaar between ? and ?"
    return PraktijkData(
        agb=agb,
        jaar=jaar,
        praktijk=praktijk,
        jaren=[r for r in jaren if eerste <= r["jaar"] <= jaar],
        populatie=_dicts(con, f"select {', '.join(POPULATIE_KOLOMMEN)} from {POPULATIE} "
                              "where praktijk_agb = ? and jaar = ? order by kenmerk, volgorde, categorie",
                         [agb, jaar]),
        indicatoren=_dicts(con, f"select {', '.join(INDICATOR_KOLOMMEN)} from {INDICATOREN} {per_jaar} "
                                "order by indicator, jaar", params),
        kosten=_dicts(con, f"select {', '.join(KOSTEN_KOLOMMEN)} from {KOSTEN} {per_jaar} "
                           "order by lijn, zorgstroom, jaar", params),
    )


def eligible_practices(con: duckdb.DuckDBPyConnection, jaar: int,
                       ook_beeindigd: bool = False) -> list[tuple[str, str | None]]:
    """(praktijk_agb, praktijk_naam) of every practice with a mirror in ``jaar``, by AGB code."""
    return [tuple(r) for r in con.execute(
        f"""
        select praktijk_agb, praktijk_naam
        from {PRAKTIJK_JAAR}
        where jaar = ? and (heeft_spiegel or (? and uitsluitingsreden = 'beeindigd'))
        order by praktijk_agb
        """, [jaar, ook_beeindigd]).fetchall()]
