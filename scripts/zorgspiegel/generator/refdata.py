"""Reference data the generator needs, read from the project's dbt seeds (one source of truth)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from ..paths import SEEDS_DIR
from . import params

SEXES = ("M", "V")


def _read(path: Path) -> pd.DataFrame:
    # Codes keep their leading zeros: read everything as text, convert where needed.
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@dataclass
class RefData:
    seeds_dir: Path = SEEDS_DIR

    def seed(self, name: str) -> pd.DataFrame:
        for sub in ("reference", "domain"):
            path = self.seeds_dir / sub / f"{name}.csv"
            if path.exists():
                return _read(path)
        raise FileNotFoundError(f"seed {name!r} not found under {self.seeds_dir}")

    @cached_property
    def gemeenten(self) -> pd.DataFrame:
        g = self.seed("cbs_gemeenten").sort_values("gemeentecode").reset_index(drop=True)
        regio = self.seed("gemeente_regio")
        for indeling in ("ggd_regio", "provincie", "hechte_huisartsenzorg", "arbeidsmarktregio"):
            m = regio[regio.regio_indeling == indeling].set_index("gemeentecode")["regio_code"]
            g[indeling] = g.gemeentecode.map(m)
        vj = self.vektis_gemeente.groupby("gemeentecode")["verzekerdejaren"].first()
        g["verzekerdejaren"] = g.gemeentecode.map(vj).astype(float)
        missing = g[g.verzekerdejaren.isna()]
        if len(missing):
            raise ValueError(f"gemeenten without Vektis figures: {list(missing.gemeentecode)}")
        return g

    @cached_property
    def vektis_gemeente(self) -> pd.DataFrame:
        v = self.seed("vektis_zvw_gemeente_zorgcategorie")
        v["verzekerdejaren"] = v.verzekerdejaren.astype(float)
        v["kosten_eur"] = v.kosten_eur.astype(float)
        return v

    @cached_property
    def vektis_age_sex(self) -> pd.DataFrame:
        v = self.seed("vektis_zvw_leeftijd_geslacht")
        klassen = self.seed("leeftijdsklassen")[["leeftijdsklasse", "vektis_leeftijdsklasse", "volgorde"]]
        v = v.merge(klassen, on="vektis_leeftijdsklasse", validate="many_to_one")
        v["volgorde"] = v.volgorde.astype(int)
        v["verzekerdejaren"] = v.verzekerdejaren.astype(float)
        v["kosten_totaal_eur"] = v.kosten_totaal_eur.astype(float)
        return v.sort_values(["volgorde", "geslacht"]).reset_index(drop=True)

    @cached_property
    def categories(self) -> list[str]:
        return sorted(self.vektis_gemeente.zorgcategorie.unique())

    @cached_property
    def buurten(self) -> pd.DataFrame:
        b = self.seed("cbs_buurten").sort_values("buurtcode").reset_index(drop=True)
        ses = self.seed("ses_woa_wijk").set_index("wijkcode")["ses_woa_klasse"]
        b["ses_woa_klasse"] = b.wijkcode.map(ses).fillna("midden")
        return b

    @cached_property
    def zorgstromen(self) -> pd.DataFrame:
        return self.seed("zorgstromen")

    @cached_property
    def gp_codes(self) -> pd.DataFrame:
        c = self.seed("huisarts_prestatiecodes")
        c["tarief_eur"] = c.tarief_eur.astype(float)
        return c

    @cached_property
    def pc4(self) -> pd.DataFrame:
        return self.seed("cbs_pc4_gemeente")

    def cost_matrix(self) -> tuple[np.ndarray, np.ndarray]:
        """Mean Zvw cost per insured year by (age class, sex, category), fitted to the Vektis margins.

        Vektis publishes cost by age x sex and by gemeente x category, not by age x sex x
        category. Iterative proportional fitting of a prior age profile per category (params)
        to both national margins gives a joint table whose margins are exactly Vektis'.
        Returns (m[19, 2, C] EUR per insured year, vj[19, 2] national insured years).
        """
        v = self.vektis_age_sex
        vj = v.pivot(index="volgorde", columns="geslacht", values="verzekerdejaren")[list(SEXES)].to_numpy()
        cost_as = v.pivot(index="volgorde", columns="geslacht", values="kosten_totaal_eur")[list(SEXES)].to_numpy()
        cats = self.categories
        cost_c = self.vektis_gemeente.groupby("zorgcategorie").kosten_eur.sum().reindex(cats).to_numpy()
        prior = np.zeros((19, 2, len(cats)))
        for k, cat in enumerate(cats):
            profile, female_factor = params.CATEGORY_AGE_PROFILE[cat]
            prior[:, 0, k] = profile
            prior[:, 1, k] = profile * (female_factor if female_factor is not None else 1.0)
            if female_factor is None:  # maternity: women, plus newborns (kraamzorg)
                prior[1:, 0, k] = 0.0
        joint = prior * vj[:, :, None] + 1e-9
        for _ in range(200):
            joint *= (cost_as / joint.sum(axis=2))[:, :, None]
            joint *= (cost_c / joint.sum(axis=(0, 1)))[None, None, :]
        return joint / vj[:, :, None], vj
