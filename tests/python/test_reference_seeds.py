"""Tests for zorgspiegel.reference: build the seeds from the real reference files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from zorgspiegel.reference import build_reference_seeds

REPO = Path(__file__).resolve().parents[2]
REFERENCE_DIR = Path(os.environ.get("ZORGSPIEGEL_REFERENCE_DIR", REPO.parent / "shared" / "reference"))
SEEDS = ("cbs_gemeenten", "cbs_wijken", "cbs_buurten", "gemeente_regio", "ses_woa_wijk")
INDELINGEN = {"provincie", "ggd_regio", "arbeidsmarktregio", "hechte_huisartsenzorg"}

pytestmark = pytest.mark.skipif(
    not REFERENCE_DIR.is_dir(),
    reason=f"reference data not found at {REFERENCE_DIR} (set ZORGSPIEGEL_REFERENCE_DIR)",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """Build the seeds once into a temporary seeds folder."""
    seeds_dir = tmp_path_factory.mktemp("seeds")
    return seeds_dir / "reference", build_reference_seeds(REFERENCE_DIR, seeds_dir)


def read(out: Path, seed: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{seed}.csv", dtype=str, keep_default_na=False, na_values=[""])


def test_row_counts(built):
    out, counts = built
    assert counts == {
        "cbs_gemeenten": 342,
        "cbs_wijken": 3504,
        "cbs_buurten": 14822,
        "gemeente_regio": 342 * 4,
        "ses_woa_wijk": 3504,
    }
    for seed, n in counts.items():
        assert len(read(out, seed)) == n


def test_gemeenten_population(built):
    gemeenten = read(built[0], "cbs_gemeenten")
    assert gemeenten["gemeentecode"].str.fullmatch(r"GM\d{4}").all()
    assert gemeenten["inwoners_2024"].astype(int).sum() == 17_942_942
    assert gemeenten["inwoners_2023"].astype(int).sum() == 17_811_291
    assert gemeenten["provincienaam"].nunique() == 12


def test_every_gemeente_has_each_indeling_once(built):
    regio = read(built[0], "gemeente_regio")
    counts = regio.groupby(["gemeentecode", "regio_indeling"]).size()
    assert (counts == 1).all()
    assert set(regio["regio_indeling"]) == INDELINGEN
    assert (regio.groupby("gemeentecode")["regio_indeling"].nunique() == 4).all()
    assert regio["gemeentecode"].nunique() == 342


def test_arbeidsmarktregio_has_35_regions(built):
    amr = read(built[0], "gemeente_regio").query("regio_indeling == 'arbeidsmarktregio'")
    assert amr["regio_code"].nunique() == 35
    assert set(amr["regio_code"]) == {f"AM{i:02d}" for i in range(1, 36)}
    assert (amr["is_synthetisch"] == "true").all()


def test_hechte_huisartsenzorg_nests_in_provinces(built):
    regio = read(built[0], "gemeente_regio")
    wide = regio.pivot(index="gemeentecode", columns="regio_indeling", values="regio_code")
    assert (wide.groupby("hechte_huisartsenzorg")["provincie"].nunique() == 1).all()
    assert 40 <= wide["hechte_huisartsenzorg"].nunique() <= 50
    gemeenten = read(built[0], "cbs_gemeenten").set_index("gemeentecode")
    inwoners = gemeenten["inwoners_2024"].astype(int).groupby(wide["hechte_huisartsenzorg"]).sum()
    assert inwoners.min() >= 150_000


def test_real_regions_are_marked_real(built):
    regio = read(built[0], "gemeente_regio")
    flags = regio.groupby("regio_indeling")["is_synthetisch"].unique().map(set)
    assert flags["provincie"] == {"false"} and flags["ggd_regio"] == {"false"}
    assert flags["hechte_huisartsenzorg"] == {"true"}
    assert regio.query("regio_indeling == 'ggd_regio'")["regio_code"].nunique() == 25


def test_ses_classes_cover_all_wijken_in_balanced_thirds(built):
    ses = read(built[0], "ses_woa_wijk")
    wijken = read(built[0], "cbs_wijken")
    assert set(ses["wijkcode"]) == set(wijken["wijkcode"])
    assert set(ses["ses_woa_klasse"]) == {"laag", "midden", "hoog"}
    shares = ses["ses_woa_klasse"].value_counts(normalize=True)
    assert shares.between(0.20, 0.45).all(), shares.to_dict()
    real = ses[ses["is_synthetisch"] == "false"]
    assert len(real) > 0 and real["gemeentecode"].eq("GM0363").all()


def test_two_runs_are_byte_identical(built, tmp_path):
    build_reference_seeds(REFERENCE_DIR, tmp_path)
    for seed in SEEDS:
        first = (built[0] / f"{seed}.csv").read_bytes()
        assert first == (tmp_path / "reference" / f"{seed}.csv").read_bytes(), seed
        assert b"\r\n" not in first


def test_mismatched_gemeente_lists_fail_loudly(tmp_path):
    reference = tmp_path / "reference_in"
    shutil.copytree(REFERENCE_DIR, reference)
    ggd_file = reference / "cbs_gemeente_ggdregio_2023.csv"
    ggd_file.chmod(0o644)
    lines = ggd_file.read_text(encoding="utf-8").splitlines(keepends=True)
    ggd_file.write_text("".join(lines[:-1]), encoding="utf-8")  # drop one gemeente
    with pytest.raises(ValueError, match="do not match"):
        build_reference_seeds(reference, tmp_path / "seeds")


def test_real_arbeidsmarktregio_mapping_is_used(built, tmp_path):
    gemeenten = read(built[0], "cbs_gemeenten")
    mapping = pd.DataFrame(
        {
            "gemeentecode": gemeenten["gemeentecode"],
            "arbeidsmarktregio_code": "AM99",
            "arbeidsmarktregio_naam": "Test",
            "bron": "testbron",
        }
    )
    mapping.to_csv(tmp_path / "amr.csv", index=False)
    build_reference_seeds(REFERENCE_DIR, tmp_path / "seeds", arbeidsmarktregio_csv=tmp_path / "amr.csv")
    amr = read(tmp_path / "seeds" / "reference", "gemeente_regio").query("regio_indeling == 'arbeidsmarktregio'")
    assert (amr["is_synthetisch"] == "false").all() and (amr["regio_code"] == "AM99").all()
    assert (amr["bron"] == "testbron").all()

    mapping.iloc[:-1].to_csv(tmp_path / "amr_partial.csv", index=False)
    with pytest.raises(ValueError, match="do not match"):
        build_reference_seeds(REFERENCE_DIR, tmp_path / "seeds2", arbeidsmarktregio_csv=tmp_path / "amr_partial.csv")
