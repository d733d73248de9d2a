"""The GP consult and visit codes (seed huisarts_prestatiecodes) against the Dashboard huisartsenzorg's
published list, the generator's code shares against that seed, and the completeness fallback (seed
declaratievertraging) against the generator's claim lags.

The list below is the product's own text (issue 16), not read from the seed: the seed must match it.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from zorgspiegel.generator import params
from zorgspiegel.paths import SEEDS_DIR

BINNEN = {
    "12000": "Consult regulier korter dan 20 minuten",
    "12001": "Consult regulier 20 minuten en langer",
    "12002": "Visite regulier korter dan 20 minuten",
    "12003": "Visite regulier 20 minuten en langer",
    "12004": "Telefonisch consult regulier",
    "12006": "Vaccinatie regulier",
    "12007": "E-mailconsult regulier",
    "12010": "Consult regulier korter dan 5 minuten",
    "12011": "Consult vanaf 5 minuten tot 20 minuten",
}
BUITEN = {
    "12200": "Consult ANW korter dan 20 minuten",
    "12201": "Consult in de avond, nacht of het weekend, 20 minuten en langer",
    "12202": "Visite in de avond, nacht of het weekend, korter dan 20 minuten",
    "12203": "Visite in de avond, nacht of het weekend, 20 minuten en langer",
    "12204": "Telefonisch consult ANW",
    "12206": "Vaccinatie in de avond, nacht of het weekend",
    "12207": "Consult in de avond, nacht of het weekend, korter dan 5 minuten",
    "12208": "Consult in de avond, nacht of het weekend, vanaf 5 tot 20 minuten",
    "12300": "Consult HAP/HDS",
    "12301": "Visite HAP/HDS",
    "12302": "Telefonisch consult HAP/HDS",
    "12304": "Triage consult HAP/HDS",
}
# Validity dates documented for the NZa consult change of 2022 (seed yml): kept as they were.
GELDIG_2022 = {"12000": ("2015-01-01", "2021-12-31"), "12004": ("2015-01-01", "2021-12-31"),
               "12007": ("2015-01-01", "2021-12-31"), "12010": ("2022-01-01", ""), "12011": ("2022-01-01", "")}


def _seed(name: str) -> dict[str, dict[str, str]]:
    with open(Path(SEEDS_DIR) / "domain" / f"{name}.csv", encoding="utf-8", newline="") as f:
        return {r[next(iter(r))]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def codes() -> dict[str, dict[str, str]]:
    return _seed("huisarts_prestatiecodes")


def test_consults_and_visits_are_exactly_the_published_list(codes):
    geteld = {c: r for c, r in codes.items() if r["groep"] in ("consult", "visite")}
    assert sorted(geteld) == sorted({**BINNEN, **BUITEN})
    for lijst, kantoortijden in ((BINNEN, "binnen"), (BUITEN, "buiten")):
        for code, omschrijving in lijst.items():
            r = codes[code]
            assert r["omschrijving"] == omschrijving, code
            assert r["kantoortijden"] == kantoortijden, code
            assert r["groep"] == ("visite" if "Visite" in omschrijving else "consult"), code
            assert r["bron"] == "vektis_dashboard_huisartsenzorg", code
            assert r["zorgstroom"] == "huisarts_consult", code


def test_codes_off_the_list_are_not_counted(codes):
    assert codes["12303"]["groep"] == "overig" and codes["12303"]["bron"] != "vektis_dashboard_huisartsenzorg"
    assert {c for c, r in codes.items() if r["bron"] == "vektis_dashboard_huisartsenzorg"} == {*BINNEN, *BUITEN}


def test_documented_2022_validity_is_kept(codes):
    for code, (vanaf, tot) in GELDIG_2022.items():
        assert (codes[code]["geldig_vanaf"], codes[code]["geldig_tot"]) == (vanaf, tot), code


def _valid(r: dict[str, str], on: str) -> bool:
    return r["geldig_vanaf"] <= on and (not r["geldig_tot"] or on <= r["geldig_tot"])


def test_generator_claims_every_listed_code_where_it_is_valid(codes):
    """Both consult periods together use every code of the list, each period only codes valid then,
    each code in the kind (in/outside hours, consult/visit) the seed gives it; shares sum to 1."""
    soorten = [("binnen", "consult", params.GP_CONSULT_CODES_IN_HOURS),
               ("binnen", "visite", {p: params.GP_VISIT_CODES_IN_HOURS for p in ("tot_2022", "vanaf_2022")}),
               ("buiten", "consult", params.GP_CONSULT_CODES_OUT_OF_HOURS),
               ("buiten", "visite", {p: params.GP_VISIT_CODES_OUT_OF_HOURS for p in ("tot_2022", "vanaf_2022")})]
    gebruikt = set()
    for kantoortijden, groep, per_periode in soorten:
        for periode, dag in (("tot_2022", "2021-07-01"), ("vanaf_2022", "2022-07-01")):
            aandelen = per_periode[periode]
            assert sum(aandelen.values()) == pytest.approx(1.0), (kantoortijden, groep, periode)
            for code in aandelen:
                r = codes[code]
                assert (r["kantoortijden"], r["groep"]) == (kantoortijden, groep), code
                assert _valid(r, dag), (code, periode)
            gebruikt |= set(aandelen)
    assert gebruikt == {*BINNEN, *BUITEN}


def _maand_97_procent(stroom: str, rng: np.random.Generator, n: int = 100_000) -> int:
    """Months after the end of a treatment year by which the generator has processed 97 % of its
    lines: treatment spread over the year, the stream's duration and gamma processing lag (claims.py)."""
    _, _, lag_mean, lag_shape, duur = params.STREAMS[stroom]
    begin = rng.integers(0, 365, n)
    eind = np.minimum(begin + (rng.random(n) * (duur + 1)).astype(int), 364)
    lag = np.maximum(1, rng.gamma(lag_shape, lag_mean / lag_shape, n)).astype(int)
    verwerkt = (np.datetime64("2023-01-01") + (eind + lag).astype("timedelta64[D]")).astype("datetime64[M]")
    k = verwerkt.astype(int) - np.datetime64("2023-12", "M").astype(int)
    return int(np.quantile(k, 0.97, method="higher"))


def test_fallback_lags_are_not_earlier_than_the_generators():
    """The fallback must never call a year of synthetic data complete before 97 % of it arrived."""
    lags = _seed("declaratievertraging")
    assert set(lags) == set(params.STREAMS)
    rng = np.random.default_rng(16)
    for stroom, r in lags.items():
        assert int(r["vertraging_maanden"]) >= _maand_97_procent(stroom, rng), stroom
