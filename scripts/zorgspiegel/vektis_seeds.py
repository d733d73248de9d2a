"""Seeds with the real figures the generator is calibrated to (Vektis Zvw 2023, CBS PC4).

They are copied from ../shared/reference with only the columns the project uses, so the
repository is self-contained and every figure stays traceable to SOURCES.md there.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd


def _write(df: pd.DataFrame, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")
    return len(df)


def build_vektis_seeds(reference_dir: Path, seeds_dir: Path) -> dict[str, int]:
    """(Re)write the calibration seeds into seeds_dir/reference; returns rows per seed."""
    out = seeds_dir / "reference"
    counts = {}

    lg = pd.read_csv(reference_dir / "vektis_zvw_2023_landelijk_leeftijd_geslacht.csv")
    lg = lg.rename(columns={"leeftijdsklasse": "vektis_leeftijdsklasse"}).round(
        {"verzekerdejaren": 2, "kosten_totaal_eur": 2})
    counts["vektis_zvw_leeftijd_geslacht"] = _write(
        lg[["jaar", "geslacht", "vektis_leeftijdsklasse", "verzekerdejaren", "kosten_totaal_eur"]],
        out / "vektis_zvw_leeftijd_geslacht.csv",
    )

    zc = pd.read_csv(reference_dir / "vektis_zvw_2023_gemeente_zorgcategorie.csv", dtype={"gemeentecode": str})
    zc = zc.sort_values(["gemeentecode", "zorgcategorie"]).round({"verzekerdejaren": 2, "kosten_eur": 2})
    counts["vektis_zvw_gemeente_zorgcategorie"] = _write(
        zc[["jaar", "gemeentecode", "zorgcategorie", "verzekerdejaren", "kosten_eur"]],
        out / "vektis_zvw_gemeente_zorgcategorie.csv",
    )

    pc4 = pd.read_csv(reference_dir / "cbs_pc4_gemeente_2023.csv", dtype={"pc4": str, "gemeentecode": str})
    pc4 = pc4.sort_values(["pc4", "gemeentecode"])
    pc4["aandeel_adressen_pc4"] = pc4["aandeel_adressen_pc4"].round(4)
    counts["cbs_pc4_gemeente"] = _write(
        pc4[["pc4", "gemeentecode", "aantal_adressen", "aandeel_adressen_pc4"]],
        out / "cbs_pc4_gemeente.csv",
    )
    return counts
