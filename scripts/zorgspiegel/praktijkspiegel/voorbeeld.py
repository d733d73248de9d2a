"""A stand-in warehouse with the four Praktijkspiegel marts in their agreed shape (same tables,
columns and types as the dbt contract), filled with made-up but plausible figures.

For the benchmark and for tests when no dbt-built warehouse is at hand: ``create_marts`` makes the
empty tables, ``fill`` adds ``n`` practices. Not for figures anyone reads.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

DDL = {
    "praktijkspiegel__praktijk_jaar": """
        praktijk_agb varchar, jaar integer, praktijk_naam varchar, gemeentecode varchar, regiocode varchar,
        regionaam varchar, aantal_patienten bigint, heeft_spiegel boolean, uitsluitingsreden varchar,
        is_beeindigd boolean, agb_begindatum date, agb_einddatum date""",
    "praktijkspiegel__populatie": """
        praktijk_agb varchar, jaar integer, kenmerk varchar, categorie varchar, volgorde integer,
        aantal_patienten bigint, aandeel_praktijk double, aandeel_regio double, aandeel_nederland double""",
    "praktijkspiegel__indicatoren": """
        praktijk_agb varchar, jaar integer, indicator varchar, indicator_omschrijving varchar, eenheid varchar,
        zorgstroom_groep varchar, waarde double, verwacht_regio double, verwacht_nederland double,
        ratio_regio double, ratio_nederland double, is_uitgedeclareerd boolean""",
    "praktijkspiegel__kosten_zorgstroom": """
        praktijk_agb varchar, jaar integer, zorgstroom varchar, zorgstroom_omschrijving varchar, lijn varchar,
        kosten double, kosten_per_patient double, verwacht_regio double, verwacht_nederland double,
        ratio_regio double, ratio_nederland double, is_uitgedeclareerd boolean""",
}

# (code, omschrijving, eenheid, zorgstroom_groep, typical value, fully claimed in the last year)
HA = "huisartsenzorg"
INDICATOREN = [
    ("consulten_binnen_per_patient", "Consulten binnen kantoortijd per patiënt", "per_patient", HA, 3.2, True),
    ("consulten_buiten_per_patient", "Consulten buiten kantoortijd per patiënt", "per_patient", HA, 0.25, True),
    ("visites_binnen_per_patient", "Visites binnen kantoortijd per patiënt", "per_patient", HA, 0.12, True),
    ("visites_buiten_per_patient", "Visites buiten kantoortijd per patiënt", "per_patient", HA, 0.03, True),
    ("mtvp_patienten_pct", "Patiënten met MTVP-consult", "percentage", "huisartsenzorg", 6.0, True),
    ("poh_ggz_consulten", "Consulten POH-GGZ", "aantal", "huisartsenzorg", 900.0, True),
    ("fkg_patienten_pct", "Patiënten met chronische medicatie (FKG)", "percentage", "farmacie", 18.0, True),
    ("farmacie_kosten_per_patient", "Farmaciekosten per patiënt", "euro_per_patient", "farmacie", 310.0, True),
    ("msz_patienten_pct", "Patiënten met ziekenhuiszorg", "percentage", "msz", 38.0, False),
    ("msz_kosten_per_patient", "Ziekenhuiskosten per patiënt", "euro_per_patient", "msz", 1250.0, False),
]
# (zorgstroom, omschrijving, lijn, typical euro per patient, fully claimed in the last year)
ZORGSTROMEN = [
    ("huisarts_inschrijftarief", "Huisartsenzorg: inschrijftarief", "eerstelijn", 95.0, True),
    ("huisarts_consult", "Huisartsenzorg: consulten en visites", "eerstelijn", 70.0, True),
    ("huisarts_mdz", "Huisartsenzorg: multidisciplinaire zorg", "eerstelijn", 40.0, True),
    ("farmacie", "Farmacie", "eerstelijn", 310.0, True),
    ("fysiotherapie", "Paramedische zorg: fysiotherapie", "eerstelijn", 45.0, True),
    ("wijkverpleging", "Verpleging en verzorging (wijkverpleging)", "eerstelijn", 160.0, True),
    ("msz", "Medisch-specialistische zorg (ziekenhuis)", "tweedelijn", 1250.0, False),
    ("ggz_consulten", "GGZ: consulten", "tweedelijn", 150.0, False),
    ("ziekenvervoer_liggend", "Ziekenvervoer liggend (ambulance)", "tweedelijn", 40.0, True),
]
LEEFTIJDEN = ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
              "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+"]
SES_KLASSEN = ["1 (laag)", "2", "3", "4", "5 (hoog)"]
REGIO_S = [("HHZ01", "Regio Noord"), ("HHZ02", "Regio Midden"), ("HHZ03", "Regio Zuid")]
UITSLUITING = [None] * 16 + ["beeindigd", "start_na_rapportjaar", "geen_patienten"]


def create_marts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists marts")
    for table, columns in DDL.items():
        con.execute(f"create table marts.{table} ({columns})")


def _shares(rng: np.random.Generator, n: int) -> np.ndarray:
    w = rng.gamma(4.0, 1.0, n)
    return w / w.sum()


def fill(con: duckdb.DuckDBPyConnection, n: int, jaren: list[int], seed: int = 1) -> list[str]:
    """Add ``n`` practices over ``jaren`` (the last is the report year; its msz figures are not yet
    fully claimed). Returns their AGB codes."""
    rng = np.random.default_rng(seed)
    agbs = [f"01{100000 + i:06d}" for i in range(n)]
    categorieen = [(f"{a} {g}", 2 * i + (g == "V")) for i, a in enumerate(LEEFTIJDEN) for g in "MV"]
    landelijk = {"leeftijd_geslacht": _shares(rng, len(categorieen)), "ses_woa": np.full(5, 0.2)}
    pj, pop, ind, kos = [], [], [], []
    for i, agb in enumerate(agbs):
        regiocode, regionaam = REGIO_S[i % len(REGIO_S)]
        reden = UITSLUITING[i % len(UITSLUITING)]
        grootte = int(rng.integers(1200, 4500))
        factor = rng.lognormal(0, 0.12, len(INDICATOREN) + len(ZORGSTROMEN))
        for jaar in jaren:
            laatste = jaar == jaren[-1]
            spiegel = reden is None or not laatste
            patienten = 0 if (reden == "geen_patienten" and laatste) else int(grootte * (1 + 0.02 * (jaar - jaren[0])))
            pj.append((agb, jaar, f"Huisartsenpraktijk {regionaam.split()[-1]} {i + 1}", f"GM{(i % 40) + 1:04d}",
                       regiocode, regionaam, patienten, spiegel, None if spiegel else reden, reden == "beeindigd",
                       dt.date(2000 + i % 20, 1, 1), dt.date(jaren[-1] - 1, 12, 31) if reden == "beeindigd" else None))
            if laatste:
                for kenmerk, cats in (("leeftijd_geslacht", categorieen),
                                      ("ses_woa", [(c, j) for j, c in enumerate(SES_KLASSEN)])):
                    eigen = _shares(rng, len(cats))
                    for (cat, volgorde), a, nl in zip(cats, eigen, landelijk[kenmerk]):
                        pop.append((agb, jaar, kenmerk, cat, volgorde, int(a * patienten), float(a),
                                    float((a + nl) / 2), float(nl)))
            trend = 1 + 0.03 * (jaar - jaren[0])
            for k, (code, oms, eenheid, groep, basis, klaar) in enumerate(INDICATOREN):
                verwacht_nl = basis * trend * (patienten / 1000 if eenheid == "aantal" else 1)  # aantal: per 1000
                verwacht_regio = verwacht_nl * 1.03
                waarde = verwacht_nl * factor[k] * rng.lognormal(0, 0.03)
                ind.append((agb, jaar, code, oms, eenheid, groep, waarde, verwacht_regio, verwacht_nl,
                            waarde / verwacht_regio if verwacht_regio else None,
                            waarde / verwacht_nl if verwacht_nl else None, klaar or not laatste))
            for k, (stroom, oms, lijn, basis, klaar) in enumerate(ZORGSTROMEN):
                verwacht_nl = basis * trend
                per_patient = verwacht_nl * factor[len(INDICATOREN) + k] * rng.lognormal(0, 0.03)
                kos.append((agb, jaar, stroom, oms, lijn, per_patient * patienten, per_patient, verwacht_nl * 0.98,
                            verwacht_nl, per_patient / (verwacht_nl * 0.98), per_patient / verwacht_nl,
                            klaar or not laatste))
    for table, rows in (("praktijk_jaar", pj), ("populatie", pop), ("indicatoren", ind), ("kosten_zorgstroom", kos)):
        kolommen = [c[0] for c in con.execute(f"select * from marts.praktijkspiegel__{table} limit 0").description]
        frame = pd.DataFrame(rows, columns=kolommen)  # one bulk insert: executemany is row by row
        con.execute(f"insert into marts.praktijkspiegel__{table} select * from frame")
    return agbs


def write(path: Path, n: int, jaren: list[int], seed: int = 1) -> list[str]:
    """A new DuckDB file at ``path`` with the four marts and ``n`` made-up practices."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        create_marts(con)
        return fill(con, n, jaren, seed)
    finally:
        con.close()
