"""Synthetic AGB register: GP practices (ondernemingen), their vestigingen, GPs, waarnemers,
POHs, other providers for the Dashboard Zorgaanbod, and their werkrelaties and kwalificaties.

Everything has begin/end dates, so the register can be snapshot at any date, and carries the
patterns the products must handle: GPs at several practices (also in other gemeenten),
practices that start or stop within the window, inactive vestigingen, ondernemingen and
werkrelaties, and waarnemers (0103) who later became GPs (0101).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import params
from .dates import FAR, day, uniform_dates
from .refdata import RefData

LETTERS = np.array(list("ABCDEFGHJKLMNPRSTVWXZ"))


@dataclass
class Register:
    zorgverleners: pd.DataFrame
    ondernemingen: pd.DataFrame
    vestigingen: pd.DataFrame
    werkrelaties: pd.DataFrame
    kwalificaties: pd.DataFrame
    practices: pd.DataFrame  # one row per GP practice: index = practice number
    practice_gps: list[np.ndarray]  # per practice: indices into zorgverleners of its GPs
    declarants: dict[str, np.ndarray]  # onderneming kwalificatie -> onderneming AGB codes
    performers: dict[str, np.ndarray]  # zorgverlener kwalificatie -> zorgverlener AGB codes
    hds: dict[str, str]  # GGD region -> AGB of its huisartsendienstenstructuur
    ggz_aanbieders: np.ndarray  # onderneming AGB of GGZ providers (waiting-time suppliers)
    ggz_vestigingen: np.ndarray  # their vestiging AGB, same order


class _Codes:
    """Hands out unique 8-digit AGB codes: 2-digit zorgverlenersoort + 6-digit number."""

    def __init__(self):
        self.next: dict[str, int] = {}

    def take(self, soort: str, k: int, offset: int = 0) -> np.ndarray:
        key = f"{soort}-{offset}"
        start = self.next.get(key, offset + 1)
        self.next[key] = start + k
        if start + k > offset + 300000:
            raise ValueError(f"AGB number range of {soort} exhausted")
        return np.array([f"{soort}{i:06d}" for i in range(start, start + k)])


def _dates_begin(rng, n: int, w0, w1, share_in_window: float) -> np.ndarray:
    begin = uniform_dates(rng, day(1985), w0 - np.timedelta64(1, "D"), n)
    late = rng.random(n) < share_in_window
    begin[late] = uniform_dates(rng, w0, w1, late.sum())
    return begin


def _postcodes(rng, ref: RefData, gemeenten: np.ndarray) -> np.ndarray:
    pc4 = ref.pc4
    by_gem = pc4.groupby("gemeentecode").pc4.apply(np.array).to_dict()
    out = np.empty(len(gemeenten), dtype=object)
    for i, g in enumerate(gemeenten):
        out[i] = rng.choice(by_gem[g]) + "".join(rng.choice(LETTERS, 2))
    return out


def _kvk(agb: np.ndarray) -> np.ndarray:
    """A KvK number per onderneming, unique because x -> x * 7919 mod p is one-to-one."""
    x = agb.astype(np.int64)
    return np.array([f"{v:08d}" for v in 10_000_000 + (x * 7919) % 89_999_989])


def generate_register(ref: RefData, scale: float, years: list[int], seed: int,
                      insured_per_gemeente: np.ndarray) -> Register:
    rng = np.random.default_rng([seed, 2])
    codes = _Codes()
    g = ref.gemeenten
    w0, w1 = day(years[0]), day(years[-1], 12, 31)
    gem_p = insured_per_gemeente / insured_per_gemeente.sum()
    ond, ves, zv, wr, kw = [], [], [], [], []

    def add_ondernemingen(kwal: str, soort: str, k: int, gems: np.ndarray, label: str, stop_rate=0.02):
        agb = codes.take(soort, k, offset=500000)
        vagb = codes.take(soort, k, offset=800000)
        begin = _dates_begin(rng, k, w0, w1, params.PRACTICE_START_STOP_RATE * len(years))
        end = np.full(k, FAR)
        stop = rng.random(k) < stop_rate * len(years)
        end[stop] = uniform_dates(rng, np.maximum(begin[stop], w0), w1)
        names = [f"{label} {g.gemeentenaam.iloc[i]} {j + 1}" for j, i in enumerate(gems)]
        gemcodes = g.gemeentecode.to_numpy()[gems]
        ond.append(pd.DataFrame({"onderneming_agb": agb, "naam": names, "kvk_nummer": _kvk(agb),
                                 "begindatum": begin, "einddatum": end}))
        # Some vestigingen closed while the onderneming goes on (an inactive vestiging).
        vend = end.copy()
        closed = (rng.random(k) < 0.03) & (end == FAR)
        vend[closed] = uniform_dates(rng, np.maximum(begin[closed], w0), w1)
        ves.append(pd.DataFrame({"vestiging_agb": vagb, "onderneming_agb": agb, "naam": names,
                                 "postcode": _postcodes(rng, ref, gemcodes), "gemeentecode": gemcodes,
                                 "begindatum": begin, "einddatum": vend}))
        kw.append(pd.DataFrame({"agb_code": agb, "entiteit": "onderneming", "kwalificatiecode": kwal,
                                "begindatum": begin, "einddatum": end}))
        return agb, vagb, begin, end, gemcodes

    def add_zorgverleners(kwal: str, k: int, vestiging_agb: np.ndarray, v_begin, v_end, weights=None):
        soort = kwal[:2]
        agb = codes.take(soort, k)
        birth = uniform_dates(rng, day(1956), day(1996), k)
        begin = np.maximum(birth + np.timedelta64(int(29 * 365.25), "D"),
                           uniform_dates(rng, day(1985), w1, k))
        end = np.full(k, FAR)
        retire = rng.random(k) < 0.02 * len(years)
        end[retire] = uniform_dates(rng, np.maximum(begin[retire], w0), w1)
        zv.append(pd.DataFrame({"zorgverlener_agb": agb, "geboortedatum": birth,
                                "geslacht": rng.choice(["M", "V"], k, p=[0.45, 0.55]),
                                "begindatum": begin, "einddatum": end}))
        kw.append(pd.DataFrame({"agb_code": agb, "entiteit": "zorgverlener", "kwalificatiecode": kwal,
                                "begindatum": begin, "einddatum": end}))
        p = None if weights is None else weights / weights.sum()
        at = rng.choice(len(vestiging_agb), k, p=p)
        wr.append(pd.DataFrame({"zorgverlener_agb": agb, "vestiging_agb": vestiging_agb[at],
                                "begindatum": np.maximum(begin, v_begin[at]),
                                "einddatum": np.minimum(end, v_end[at])}))
        return agb, at

    # GP practices, placed in gemeenten by insured population.
    n_pr = max(params.SMALL_PRACTICES_MIN + 3, int(round(params.PRACTICES_NATIONAL * scale)))
    pr_gem = rng.choice(len(g), n_pr, p=gem_p)
    pr_agb, pr_vagb, pr_begin, pr_end, pr_gemcode = add_ondernemingen("0100", "01", n_pr, pr_gem,
                                                                      "Huisartsenpraktijk")
    n_small = max(params.SMALL_PRACTICES_MIN, int(round(params.SMALL_PRACTICE_SHARE * n_pr)))
    small = np.zeros(n_pr, bool)
    small[rng.choice(n_pr, n_small, replace=False)] = True
    size = np.where(small, rng.integers(20, 95, n_pr), rng.lognormal(np.log(3300), 0.45, n_pr))
    all_in = np.zeros(n_pr, bool)
    all_in[rng.choice(np.flatnonzero(~small), max(1, int(round(params.ALL_IN_PRACTICE_SHARE * n_pr))),
                      replace=False)] = True
    # Guarantee the patterns at every scale: one practice starting and one stopping in the window.
    normal = np.flatnonzero(~small & ~all_in)
    pr_begin[normal[0]] = day(years[-1], 4, 1)
    pr_end[normal[1]] = day(years[-1], 9, 30)
    ond[0].loc[normal[0], "begindatum"] = pr_begin[normal[0]]
    ond[0].loc[normal[1], "einddatum"] = pr_end[normal[1]]
    ves[0].loc[normal[0], "begindatum"] = pr_begin[normal[0]]
    ves[0].loc[normal[1], "einddatum"] = pr_end[normal[1]]
    kw[0].loc[normal[0], "begindatum"] = pr_begin[normal[0]]
    kw[0].loc[normal[1], "einddatum"] = pr_end[normal[1]]
    practices = pd.DataFrame({"onderneming_agb": pr_agb, "vestiging_agb": pr_vagb, "gemeentecode": pr_gemcode,
                              "ggd_regio": g.ggd_regio.to_numpy()[pr_gem], "provincie": g.provincie.to_numpy()[pr_gem],
                              "begindatum": pr_begin, "einddatum": pr_end, "is_small": small,
                              "is_all_in": all_in, "capacity": size})

    # GPs: at least one per practice, the rest by practice size; some work at a second practice.
    n_gp = max(n_pr, int(round(params.GPS_PER_PRACTICE * n_pr)))
    gp_weights = np.where(small, 0.0, size)
    first = len(zv)
    gp_agb, gp_at = add_zorgverleners("0101", n_gp, pr_vagb, pr_begin, pr_end, weights=gp_weights)
    gp_at[:n_pr] = np.arange(n_pr)  # every practice has a GP of its own
    wr[-1]["vestiging_agb"] = pr_vagb[gp_at]
    wr[-1]["begindatum"] = np.maximum(zv[first].begindatum.to_numpy(), pr_begin[gp_at])
    wr[-1]["einddatum"] = np.minimum(zv[first].einddatum.to_numpy(), pr_end[gp_at])
    multi = rng.random(n_gp) < params.GP_MULTI_PRACTICE_SHARE
    multi[0] = True
    second = rng.choice(n_pr, multi.sum())
    second = np.where(second == gp_at[multi], (second + 1) % n_pr, second)
    wr.append(pd.DataFrame({"zorgverlener_agb": gp_agb[multi], "vestiging_agb": pr_vagb[second],
                            "begindatum": np.maximum(zv[first].begindatum.to_numpy()[multi], pr_begin[second]),
                            "einddatum": np.minimum(zv[first].einddatum.to_numpy()[multi], pr_end[second])}))
    # Some GPs were waarnemer (0103) before they settled as huisarts (0101).
    was_wn = rng.random(n_gp) < 0.15
    kw.append(pd.DataFrame({"agb_code": gp_agb[was_wn], "entiteit": "zorgverlener", "kwalificatiecode": "0103",
                            "begindatum": zv[first].begindatum.to_numpy()[was_wn] - np.timedelta64(900, "D"),
                            "einddatum": zv[first].begindatum.to_numpy()[was_wn] - np.timedelta64(1, "D")}))
    practice_gps = [[] for _ in range(n_pr)]
    for i, p in enumerate(gp_at):
        practice_gps[p].append(i)
    for i, p in zip(np.flatnonzero(multi), second):
        practice_gps[p].append(i)

    # Waarnemend huisartsen (0103) with werkrelaties at one to three practices.
    n_wn = max(1, int(round(params.WAARNEMERS_PER_PRACTICE * n_pr)))
    wn_agb, _ = add_zorgverleners("0103", n_wn, pr_vagb, pr_begin, pr_end)
    extra = rng.random(n_wn) < 0.5
    at2 = rng.choice(n_pr, extra.sum())
    wr.append(pd.DataFrame({"zorgverlener_agb": wn_agb[extra], "vestiging_agb": pr_vagb[at2],
                            "begindatum": np.maximum(pr_begin[at2], w0), "einddatum": pr_end[at2]}))

    # POHs at GP practices; part of the POH-S are also qualified for POH-ouderen.
    performers = {"0101": gp_agb}
    for kwal, per_practice in params.POH_PER_PRACTICE.items():
        k = max(2, int(round(per_practice * n_pr)))
        agb, _ = add_zorgverleners(kwal, k, pr_vagb, pr_begin, pr_end)
        performers[kwal] = agb
        if kwal == "8501":
            qual = rng.random(k) < params.POH_OUDEREN_QUALIFIED_SHARE
            kw.append(pd.DataFrame({"agb_code": agb[qual], "entiteit": "zorgverlener", "kwalificatiecode": "8503",
                                    "begindatum": np.maximum(zv[-1].begindatum.to_numpy()[qual], day(2018)),
                                    "einddatum": FAR}))
            performers["8503"] = agb[qual]

    # Huisartsendienstenstructuur (HAP): one per GGD region, declares care outside office hours.
    regions = sorted(g.ggd_regio.unique())
    hds_gem = [int(np.flatnonzero(g.ggd_regio.to_numpy() == r)[0]) for r in regions]
    hds_agb, *_ = add_ondernemingen("0198", "01", len(regions), np.array(hds_gem), "Huisartsenpost", 0)
    hds = dict(zip(regions, hds_agb))

    # Hospitals, GGZ providers and the other providers of the Dashboard Zorgaanbod.
    declarants = {"0100": pr_agb, "0198": hds_agb}
    n_h = max(2, int(round(params.HOSPITALS_NATIONAL * scale)))
    h_agb, h_vagb, h_b, h_e, _ = add_ondernemingen("0600", "06", n_h, rng.choice(len(g), n_h, p=gem_p),
                                                   "Ziekenhuis", 0.005)
    declarants["0600"] = h_agb
    specs = ref.seed("agb_kwalificaties")
    spec_codes = specs[(specs.zorgverlenersoort == "03") & (specs.entiteit == "zorgverlener")].kwalificatiecode
    for kwal in spec_codes:
        k = max(1, int(round(params.SPECIALISTS_NATIONAL * scale / len(spec_codes))))
        performers[kwal], _ = add_zorgverleners(kwal, k, h_vagb, h_b, h_e)
    n_ggz = max(3, int(round(params.GGZ_PROVIDERS_NATIONAL * scale)))
    ggz_agb, ggz_vagb, ggz_b, ggz_e, ggz_gem = add_ondernemingen(
        "7300", "73", n_ggz, rng.choice(len(g), n_ggz, p=gem_p), "GGZ-instelling", 0.01)
    declarants["7300"] = ggz_agb
    for kwal, (n_nat, ond_kwal, n_ond_nat) in params.PROVIDERS_NATIONAL.items():
        if ond_kwal not in declarants:
            k = max(2, int(round(n_ond_nat * scale)))
            declarants[ond_kwal] = add_ondernemingen(ond_kwal, ond_kwal[:2], k, rng.choice(len(g), k, p=gem_p),
                                                     specs.set_index("kwalificatiecode").omschrijving.get(
                                                         ond_kwal, "Praktijk"), 0.02)[0]
        v = pd.concat(ves)
        own = v[v.onderneming_agb.isin(declarants[ond_kwal])]
        k = max(1, int(round(n_nat * scale)))
        performers[kwal], _ = add_zorgverleners(kwal, k, own.vestiging_agb.to_numpy(),
                                                own.begindatum.to_numpy(), own.einddatum.to_numpy())

    werk = pd.concat(wr, ignore_index=True)
    # Werkrelaties that ended while provider and vestiging go on (provider left that practice).
    ended = (rng.random(len(werk)) < 0.04) & (werk.einddatum.to_numpy() == FAR)
    werk.loc[ended, "einddatum"] = uniform_dates(rng, np.maximum(werk.begindatum.to_numpy()[ended], w0), w1)
    return Register(
        zorgverleners=pd.concat(zv, ignore_index=True), ondernemingen=pd.concat(ond, ignore_index=True),
        vestigingen=pd.concat(ves, ignore_index=True), werkrelaties=werk,
        kwalificaties=pd.concat(kw, ignore_index=True), practices=practices,
        practice_gps=[np.array(x, dtype=np.int64) for x in practice_gps],
        declarants=declarants, performers=performers, hds=hds,
        ggz_aanbieders=ggz_agb, ggz_vestigingen=ggz_vagb)
