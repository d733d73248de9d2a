"""Praktijkspiegel report (scripts/zorgspiegel/praktijkspiegel and `zorgspiegel praktijkspiegel`) on a
hand-made warehouse: the four marts ``marts.praktijkspiegel__*`` in their agreed shape (the tables
of praktijkspiegel.voorbeeld.DDL), with known numbers, without running dbt.

Practices, 2019-2023:
- A 01000001: the practice under test; msz_kosten_per_patient and the msz stream are not yet fully
  claimed (is_uitgedeclareerd false) in 2023, with tell-tale values that must not show;
- B 01000002: a mirror too, every value a sentinel that must never appear in A's report;
- C 01000003: ended (uitsluitingsreden 'beeindigd' in 2023), rendered only with --ook-beeindigd;
- D 01000004: no patients in 2023 ('geen_patienten'), never rendered.

The Chromium tests (screenshot, PDF, --alle with PDFs) need /usr/bin/chromium, which `make test`
installs (`make browser`); they are skipped with that reason only when it is missing.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from zorgspiegel.cli import main
from zorgspiegel.praktijkspiegel import data, view, voorbeeld
from zorgspiegel.praktijkspiegel.pdf import MARGE, Browser, chromium_path

JAREN = list(range(2019, 2024))
A, B, C, D = "01000001", "01000002", "01000003", "01000004"
ARTEFACTEN = Path(__file__).resolve().parents[2] / "build" / "test-artifacts"
requires_chromium = pytest.mark.skipif(
    not chromium_path().exists(), reason=f"Chromium not installed at {chromium_path()}: run `make browser`")

# Per practice: name, gemeente, region, patients in 2023, and a level that scales its figures.
PRAKTIJKEN = {
    A: ("Huisartsenpraktijk De Linde", "GM0014", "HHZ01", "Regio Groningen-Stad", 2400, 1.0),
    B: ("Praktijk Sentinel Zeldzaam", "GM0363", "HHZ99", "Regio Sentinelland", 7777, 31.4159),
    C: ("Praktijk Gesloten Eik", "GM0014", "HHZ01", "Regio Groningen-Stad", 1500, 1.0),
    D: ("Praktijk Leeg", "GM0014", "HHZ01", "Regio Groningen-Stad", 0, 1.0),
}
# Strings only B's rows hold: none may appear in A's HTML or PDF.
SENTINELS_B = [B, "Sentinel", "Zeldzaam", "GM0363", "HHZ99", "7.777", "7777", "SES-B-alleen",
               "Sentinelstroom B", "Sentinel-indicator van B", "97,53",  # B's consulten per patient
               "€ 8.642", "€ 20.740.800",  # B's own cost stream: per patient and in total
               "€ 38.767", "392,7%"]       # B's msz costs 2022 and its 'Nieuwe indicator'


def _praktijk_jaar_rows():
    for agb, (naam, gemeente, regio, regionaam, patienten, _) in PRAKTIJKEN.items():
        for jaar in JAREN:
            n = patienten if jaar == 2023 else 2000 + 100 * (jaar - 2019)
            reden = {C: "beeindigd", D: "geen_patienten"}.get(agb) if jaar == 2023 else None
            yield (agb, jaar, naam, gemeente, regio, regionaam, n, reden is None, reden, agb == C,
                   dt.date(2001, 1, 1), dt.date(2022, 6, 30) if agb == C else None)


def _populatie_rows():
    categorieen = {"leeftijd_geslacht": ["0-4 M", "0-4 V", "45-49 M", "45-49 V"],
                   "ses_woa": ["1 (laag)", "2", "3 (hoog)"]}
    for agb, (*_, niveau) in PRAKTIJKEN.items():
        for kenmerk, cats in categorieen.items():
            if agb == B:
                cats = [*cats, "SES-B-alleen"] if kenmerk == "ses_woa" else cats
            for volgorde, cat in enumerate(cats):
                aandeel = (volgorde + 1) / (len(cats) * (len(cats) + 1) / 2)
                yield (agb, 2023, kenmerk, cat, volgorde, int(aandeel * 2400), aandeel, aandeel * 0.9, aandeel * 1.1)


def _indicator_rows():
    for agb, (*_, niveau) in PRAKTIJKEN.items():
        for jaar in JAREN:
            i = jaar - 2019
            consulten = 3.0 + 0.1 * i if agb != B else 97.531
            yield (agb, jaar, "consulten_binnen_per_patient", "Consulten binnen kantoortijd per patiënt",
                   "per_patient", "huisartsenzorg", consulten, 3.2, 3.25, consulten / 3.2, consulten / 3.25, True)
            msz = {2023: 4321.0, 2022: 1234.0}.get(jaar, 1000.0 + 10 * i) * niveau
            yield (agb, jaar, "msz_kosten_per_patient", "Ziekenhuiskosten per patiënt", "euro_per_patient", "msz",
                   msz, 1200.0, 1300.0, msz / 1200, msz / 1300, jaar < 2023)
            yield (agb, jaar, "zz_nieuwe_indicator", "Nieuwe indicator", "percentage", "overig",
                   12.5 * niveau, 10.0, 11.0, 1.25, 12.5 * niveau / 11, True)
            if agb == B:
                yield (agb, jaar, "b_alleen", "Sentinel-indicator van B", "aantal", "overig", 55.5, 50.0, 50.0,
                       1.11, 1.11, True)


def _kosten_rows():
    stromen = [("huisarts_consult", "Huisartsenzorg: consulten en visites", "eerstelijn", 80.0, True),
               ("farmacie", "Farmacie (geneesmiddelen)", "eerstelijn", 300.0, True),
               ("msz", "Medisch-specialistische zorg (ziekenhuis)", "tweedelijn", 1100.0, False),
               ("ggz_consulten", "GGZ: consulten (zorgprestatiemodel)", "tweedelijn", 150.0, True)]
    for agb, (*_, patienten, niveau) in PRAKTIJKEN.items():
        rows = stromen + ([("b_alleen", "Sentinelstroom B", "eerstelijn", 8642.0 / niveau, True)] if agb == B else [])
        for jaar in JAREN:
            for stroom, oms, lijn, pp, klaar_2023 in rows:
                per_patient = (pp + (5555.0 if jaar == 2023 and not klaar_2023 else 0)) * niveau
                n = 2000 + 100 * (jaar - 2019)
                yield (agb, jaar, stroom, oms, lijn, per_patient * n, per_patient, pp * 0.95, pp,
                       per_patient / (pp * 0.95), per_patient / pp, jaar < 2023 or klaar_2023)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("praktijkspiegel") / "wh.duckdb"
    con = duckdb.connect(str(path))
    voorbeeld.create_marts(con)
    for table, rows in (("praktijk_jaar", _praktijk_jaar_rows()), ("populatie", _populatie_rows()),
                        ("indicatoren", _indicator_rows()), ("kosten_zorgstroom", _kosten_rows())):
        rows = list(rows)
        con.executemany(f"insert into marts.praktijkspiegel__{table} values ({', '.join(['?'] * len(rows[0]))})",
                        rows)
    con.close()
    return path


def _cli(warehouse, *args):
    return CliRunner().invoke(main, ["praktijkspiegel", "--db", str(warehouse), *args])


@pytest.fixture(scope="module")
def html_a(warehouse, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("html_a")
    result = _cli(warehouse, "--praktijk", A, "--out", str(out), "--no-pdf")
    assert result.exit_code == 0, result.output
    return (out / A / f"praktijkspiegel_{A}_2023.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rendered_a(warehouse, tmp_path_factory) -> Path:
    """A's report with its PDF, via the command (needs Chromium)."""
    out = tmp_path_factory.mktemp("rendered_a")
    result = _cli(warehouse, "--praktijk", A, "--jaar", "2023", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out / A / f"praktijkspiegel_{A}_2023"


# --- what a report contains --------------------------------------------------------------------

def test_report_holds_the_practice_and_reference_figures(html_a):
    for tekst in ["Praktijkspiegel 2023", "Huisartsenpraktijk De Linde", A, "Regio Groningen-Stad", "2.400",
                  "Uw praktijk", "Verwacht (regio)", "Verwacht (Nederland)", "Hoe leest u 'verwacht'?",
                  "indirecte standaardisatie", "SES-WOA",
                  "3,40", "3,20", "3,25",            # consulten 2023: practice, regio, Nederland
                  "€ 1.234", "€ 1.200", "€ 1.300",  # msz costs: 2022, the latest fully claimed year
                  "Nieuwe indicator", "12,5%",       # an indicator the report does not know by code
                  "Kosten eerstelijnszorg", "Kosten tweedelijnszorg", "Farmacie (geneesmiddelen)"]:
        assert tekst in html_a, tekst


def test_report_never_holds_another_practices_rows(html_a):
    for sentinel in SENTINELS_B:
        assert sentinel not in html_a, sentinel
    assert "Praktijk Gesloten Eik" not in html_a and C not in html_a and D not in html_a


def test_latest_year_not_fully_claimed_is_not_shown(html_a):
    assert "€ 4.321" not in html_a and "4321" not in html_a  # msz_kosten_per_patient 2023
    assert "€ 6.655" not in html_a                           # msz stream 2023 (1100 + 5555)
    kaart = _kaart(html_a, "msz_kosten_per_patient")
    assert "2023 is voor deze indicator nog niet uitgedeclareerd" in kaart and "van 2022" in kaart
    assert "nog niet uitgedeclareerd" not in _kaart(html_a, "consulten_binnen_per_patient")


def _kaart(html: str, indicator: str) -> str:
    """The HTML of one indicator's card, up to the next card or the end of the section."""
    return re.search(f'id="indicator-{indicator}".*?(?=<div class="kaart|</section>)', html, re.S).group(0)


def test_html_is_self_contained(html_a):
    assert "<script" not in html_a and "<link" not in html_a and "src=" not in html_a
    assert set(re.findall(r"https?://[^\s\"')]+", html_a)) == {"http://www.w3.org/2000/svg"}
    assert html_a.count('<svg class="chart') >= 3 + 2 * 3 + 2 * 2  # population, per indicator, costs


# --- the rules, on one practice's rows -----------------------------------------------------------

@pytest.fixture
def con(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def test_load_reads_only_the_practices_rows(con):
    rows = data.load(con, A)
    assert rows.jaar == 2023 and rows.praktijk["praktijk_naam"] == "Huisartsenpraktijk De Linde"
    assert len(rows.jaren) == 5 and len(rows.indicatoren) == 3 * 5 and len(rows.kosten) == 4 * 5
    assert {r["categorie"] for r in rows.populatie} == {"0-4 M", "0-4 V", "45-49 M", "45-49 V",
                                                       "1 (laag)", "2", "3 (hoog)"}


def test_indicators_show_the_latest_fully_claimed_year(con):
    reeksen = {r.code: r for r in view.indicatoren(data.load(con, A))}
    assert list(reeksen) == ["consulten_binnen_per_patient", "msz_kosten_per_patient", "zz_nieuwe_indicator"]
    msz = reeksen["msz_kosten_per_patient"]
    assert msz.jaar == 2022 and msz.getoond["waarde"] == 1234.0
    assert msz.trend["waarde"][-1] is None and msz.trend["waarde"][-2] == 1234.0
    assert msz.niet_uitgedeclareerd == [2023]
    assert reeksen["consulten_binnen_per_patient"].trend["waarde"] == pytest.approx([3.0, 3.1, 3.2, 3.3, 3.4])


def test_costs_in_two_overviews_with_line_totals(con):
    eerste, tweede = view.kostenoverzichten(data.load(con, A))
    assert (eerste.lijn, tweede.lijn) == ("eerstelijn", "tweedelijn")
    assert [s.code for s in eerste.stromen] == ["farmacie", "huisarts_consult"]  # largest first
    assert eerste.totaal_jaar == 2023 and eerste.totaal["kosten_per_patient"] == pytest.approx(380.0)
    assert eerste.totaal["ratio_nederland"] == pytest.approx(1.0)
    # msz is not fully claimed in 2023: the second line's total and trend stop at 2022
    assert tweede.totaal_jaar == 2022 and tweede.totaal["kosten_per_patient"] == pytest.approx(1250.0)
    assert tweede.totaal_trend["waarde"][-1] is None
    assert {s.code: s.jaar for s in tweede.stromen} == {"msz": 2022, "ggz_consulten": 2023}


def test_years_before_the_practice_started_are_not_drawn_as_zero_patients():
    jaren = [{"jaar": 2022, "aantal_patienten": 0, "uitsluitingsreden": "start_na_rapportjaar"},
             {"jaar": 2023, "aantal_patienten": 4147, "uitsluitingsreden": None}]
    nieuw = data.PraktijkData(agb=A, jaar=2023, praktijk=jaren[-1], jaren=jaren, populatie=[])
    assert view.patienten_trend(nieuw) == [None, None, None, None, 4147]
    leeg = {"jaar": 2022, "aantal_patienten": 0, "uitsluitingsreden": "geen_patienten"}  # existed, no patients
    assert view.patienten_trend(data.PraktijkData(agb=A, jaar=2023, praktijk=jaren[-1], jaren=[leeg, jaren[-1]],
                                                  populatie=[])) == [None, None, None, 0, 4147]


def test_dutch_number_formats():
    assert view.getal(1234567.891, 2) == "1.234.567,89"
    assert view.waarde(12.5, "percentage") == "12,5%"
    assert view.waarde(0.034, "per_patient") == "0,034"
    assert view.waarde(1234.4, "euro_per_patient") == "€ 1.234"
    assert view.aandeel(0.125) == "12,5%"
    assert view.waarde(None, "aantal") == "–"


# --- eligibility and errors ----------------------------------------------------------------------

def test_ended_practice_needs_ook_beeindigd(warehouse, tmp_path):
    result = _cli(warehouse, "--praktijk", C, "--out", str(tmp_path), "--no-pdf")
    assert result.exit_code == 1
    assert C in result.output and "2023" in result.output and "'beeindigd'" in result.output
    assert "--ook-beeindigd" in result.output
    assert not (tmp_path / C).exists()
    result = _cli(warehouse, "--praktijk", C, "--out", str(tmp_path), "--no-pdf", "--ook-beeindigd")
    assert result.exit_code == 0, result.output
    html = (tmp_path / C / f"praktijkspiegel_{C}_2023.html").read_text(encoding="utf-8")
    assert "Praktijk Gesloten Eik" in html and "Op verzoek gemaakt" in html and "30-06-2022" in html


def test_practice_without_patients_gets_no_mirror_even_on_request(warehouse, tmp_path):
    result = _cli(warehouse, "--praktijk", D, "--out", str(tmp_path), "--no-pdf", "--ook-beeindigd")
    assert result.exit_code == 1
    assert f"practice {D} (Praktijk Leeg) has no Praktijkspiegel for 2023" in result.output
    assert "'geen_patienten'" in result.output


def test_earlier_year_renders(warehouse, tmp_path):
    result = _cli(warehouse, "--praktijk", C, "--jaar", "2022", "--out", str(tmp_path), "--no-pdf")
    assert result.exit_code == 0, result.output  # C still had a mirror in 2022
    assert (tmp_path / C / f"praktijkspiegel_{C}_2022.html").exists()


@pytest.mark.parametrize("args, code, message", [
    (["--praktijk", "09999999"], 2, "unknown practice '09999999'"),
    (["--praktijk", A, "--jaar", "2030"], 2, "year 2030 is not in the Praktijkspiegel marts; available: 2019"),
    (["--praktijk", "x' or 1=1; --"], 2, "unknown practice"),
    ([], 2, "give either --praktijk AGB or --alle"),
    (["--praktijk", A, "--alle"], 2, "give either --praktijk AGB or --alle"),
])
def test_cli_errors(warehouse, tmp_path, args, code, message):
    result = _cli(warehouse, *args, "--out", str(tmp_path), "--no-pdf")
    assert result.exit_code == code, result.output
    assert message in result.output


def test_missing_marts_say_run_dbt_build(tmp_path):
    leeg = tmp_path / "leeg.duckdb"
    duckdb.connect(str(leeg)).close()
    result = CliRunner().invoke(main, ["praktijkspiegel", "--db", str(leeg), "--praktijk", A, "--no-pdf"])
    assert result.exit_code == 1
    assert "marts.praktijkspiegel__praktijk_jaar" in result.output and "dbt build" in result.output
    result = CliRunner().invoke(main, ["praktijkspiegel", "--db", str(tmp_path / "geen.duckdb"), "--alle",
                                       "--no-pdf"])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_missing_chromium_is_a_clear_error(warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("ZORGSPIEGEL_CHROMIUM", str(tmp_path / "geen-chromium"))
    result = _cli(warehouse, "--praktijk", A, "--out", str(tmp_path))
    assert result.exit_code == 1 and "make browser" in result.output


# --- headless Chromium: the page, the PDF, all practices ------------------------------------------

@requires_chromium
def test_chromium_draws_the_charts(rendered_a):
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    screenshot = ARTEFACTEN / f"praktijkspiegel_{A}_2023.png"
    with Browser() as browser, browser.page(rendered_a.with_suffix(".html")) as page:
        getekend = page.evaluate("""() => {
            const vlak = el => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
            // a level trend line has a box of height 0: it is drawn when it has a length
            const lijn = el => { const b = el.getBoundingClientRect(); return b.width > 0 || b.height > 0; };
            const tel = (sel, f) => [...document.querySelectorAll(sel)].filter(f).length;
            return {charts: tel('svg.chart', vlak), alle_charts: document.querySelectorAll('svg.chart').length,
                    staven: tel('svg.chart rect.bar', vlak), lijnen: tel('svg.chart path.trend-line', lijn),
                    punten: tel('svg.chart circle.punt', vlak)};
        }""")
        page.screenshot(path=str(screenshot), full_page=True)
    assert getekend["charts"] == getekend["alle_charts"] >= 13
    assert getekend["staven"] >= 35 and getekend["lijnen"] >= 15 and getekend["punten"] >= 60
    png = screenshot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000  # a blank page compresses to a few kB


# The PDF's printable width: A4 less the margins Chromium prints with (pdf.MARGE), in CSS pixels.
A4_BREEDTE_MM = 210 - float(MARGE["left"].removesuffix("mm")) - float(MARGE["right"].removesuffix("mm"))
A4_BREEDTE_PX = round(A4_BREEDTE_MM / 25.4 * 96)


@requires_chromium
def test_every_table_fits_an_a4_page(rendered_a):
    """Laid out as Chromium prints it (print media, the A4 page's printable width), no table, chart or
    card reaches past the right edge: the 'Ratio NL' column used to be cut off (Chromium clips what
    is wider than the page at the page's content edge, so the PDF itself shows no overflow to test)."""
    with Browser() as browser, browser.page(rendered_a.with_suffix(".html"), breedte=A4_BREEDTE_PX) as page:
        page.emulate_media(media="print")
        te_breed = page.evaluate("""(breedte) => [...document.querySelectorAll('table, svg.chart, .kaart')]
            .map(el => [el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.closest('[id]') || {}).id,
                        el.getBoundingClientRect().right])
            .filter(([, rechts]) => rechts > breedte + 0.5)""", A4_BREEDTE_PX)
        tabellen = page.evaluate("document.querySelectorAll('table').length")
    assert tabellen >= 3 and te_breed == [], te_breed


@requires_chromium
def test_each_report_section_is_kept_as_a_screenshot(rendered_a):
    """One screenshot per report section (the header and each section) as a test artefact under
    build/test-artifacts, to look at; each must hold a drawn page, not a blank one. With pdftoppm
    (poppler-utils) installed, the PDF's pages are kept as PNGs beside them."""
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    for oud in ARTEFACTEN.glob(f"praktijkspiegel_{A}_sectie_*.png"):
        oud.unlink()
    with Browser() as browser, browser.page(rendered_a.with_suffix(".html")) as page:
        delen = page.query_selector_all("body > header, body > section")
        namen = []
        for i, deel in enumerate(delen):
            kop = deel.query_selector("h1, h2").inner_text()
            naam = ARTEFACTEN / f"praktijkspiegel_{A}_sectie_{i}_{re.sub(r'[^a-z0-9]+', '_', kop.lower())[:30]}.png"
            deel.screenshot(path=str(naam))
            namen.append(naam)
    assert len(namen) == 5  # header, "Hoe leest u 'verwacht'?", population, care use, costs
    for naam in namen:
        png = naam.read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000, naam
    if shutil.which("pdftoppm"):  # the PDF's pages too, where poppler-utils is installed
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(rendered_a.with_suffix(".pdf")),
                        str(ARTEFACTEN / f"praktijkspiegel_{A}_pdf")], check=True)


@requires_chromium
def test_pdf_has_pages_and_only_the_practices_text(rendered_a):
    from pypdf import PdfReader

    pdf = rendered_a.with_suffix(".pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    tekst = "\n".join(p.extract_text() for p in reader.pages)
    assert "Praktijkspiegel 2023" in tekst and A in tekst and "De Linde" in tekst
    for sentinel in SENTINELS_B:
        assert sentinel not in tekst, sentinel


@requires_chromium
def test_alle_renders_every_eligible_practice_in_parallel(warehouse, tmp_path):
    result = _cli(warehouse, "--alle", "--out", str(tmp_path), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert "2 Praktijkspiegels 2023" in result.output and "per second" in result.output
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == [A, B]
    for agb in (A, B):
        for suffix in (".html", ".pdf"):
            assert (tmp_path / agb / f"praktijkspiegel_{agb}_2023{suffix}").stat().st_size > 0
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'href="{A}/praktijkspiegel_{A}_2023.html"' in index and f'href="{B}/praktijkspiegel_{B}_2023.pdf"' in index
    assert C not in index


def test_alle_with_ook_beeindigd_adds_the_ended_practice(warehouse, tmp_path):
    result = _cli(warehouse, "--alle", "--ook-beeindigd", "--no-pdf", "--out", str(tmp_path), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == [A, B, C]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Praktijk Gesloten Eik" in index and "PDF" not in index and D not in index


def test_benchmark_runs_on_a_stand_in_warehouse(capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_praktijkspiegel", Path(__file__).resolve().parents[2] / "scripts" / "bench_praktijkspiegel.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--voorbeeld", "4", "--no-pdf", "--workers", "1"]) == 0
    assert '"practices_per_s"' in capsys.readouterr().out


def test_pyramid_keeps_men_and_women_and_states_unknown_sex_apart():
    def rij(categorie, praktijk, regio, nederland):
        return {"categorie": categorie, "aandeel_praktijk": praktijk, "aandeel_regio": regio,
                "aandeel_nederland": nederland}

    rows = [rij("0-4 M", 0.3, 0.2, 0.2), rij("0-4 V", 0.3, 0.3, 0.2), rij("0-4 O", 0.1, 0.05, 0.01),
            rij("5-9 M", 0.2, 0.2, 0.3), rij("5-9 V", 0.1, 0.2, 0.27), rij("5-9 O", 0.0, 0.05, 0.02)]
    assert [(leeftijd, m["aandeel_praktijk"], v["aandeel_praktijk"]) for leeftijd, m, v in view.piramide(rows)] == [
        ("0-4", 0.3, 0.3), ("5-9", 0.2, 0.1)]
    assert view.onbekend_geslacht(rows) == pytest.approx(
        {"aandeel_praktijk": 0.1, "aandeel_regio": 0.1, "aandeel_nederland": 0.03})
    assert view.onbekend_geslacht(rows[:2]) is None
    assert view.piramide([rij("totaal", 1.0, 1.0, 1.0)]) is None
