"""Synthetic AGB register: GP practices (ondernemingen), their vestigingen, GPs, waarnemers,
POHs, other providers for the Dashboard Zorgaanbod, and their werkrelaties and kwalificaties.

Everything has begin/end dates, so the register can be snapshot at any date, and carries the
patterns the products must handle: GPs at several practices (also in other gemeenten),
practices that start or stop within the window, inactive vestigingen, ondernemingen and
werkrelaties, and waarnemers (0103) who later became GPs (0101).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import params
from .dates import FAR, day, uniform_dates
from .refdata import RefData

LETTERS = np.array(list("ABCDEFGHJKLMNPRSTVWXZ"))
YEAR = np.timedelta64(365, "D")


@dataclass
class Register:
    zorgverleners: pd.DataFrame
    ondernemingen: pd.DataFrame
    vestigingen: pd.DataFrame
    werkrelaties: pd.DataFrame
    kwalificaties: pd.DataFrame
    practices: pd.DataFrame  # one row per GP practice, in practice-index order
    hds: dict[str, str]  # GGD region -> AGB of its huisartsendienstenstructuur (huisartsenpost)
    ggz_aanbieders: np.ndarray  # onderneming AGB of GGZ providers (waiting-time suppliers)
    ggz_vestigingen: np.ndarray  # their vestiging AGB, same order
    _cache: dict = field(default_factory=dict, repr=False)

    def _kwal(self, entiteit: str, kwal: str) -> pd.DataFrame:
        k = self.kwalificaties
        return k[(k.entiteit == entiteit) & (k.kwalificatiecode == kwal)]

    def declarants(self, kwal: str, year: int) -> np.ndarray:
        """AGB codes of ondernemingen with this kwalificatie active the whole year (else on 1 July)."""
        key = ("o", kwal, year)
        if key not in self._cache:
            o = self.ondernemingen.set_index("onderneming_agb").loc[self._kwal("onderneming", kwal).agb_code]
            self._cache[key] = _active(o, year)
        return self._cache[key]

    def performers(self, kwal: str, year: int) -> np.ndarray:
        """AGB codes of zorgverleners holding this kwalificatie and active the whole year (else on 1 July)."""
        key = ("z", kwal, year)
        if key not in self._cache:
            k = self._kwal("zorgverlener", kwal).set_index("agb_code")
            holders = set(_active(k, year))
            z = self.zorgverleners.set_index("zorgverlener_agb")
            self._cache[key] = np.array([a for a in _active(z, year) if a in holders], dtype=object)
        return self._cache[key]

    def practice_gps(self, on: np.datetime64) -> list[np.ndarray]:
        """Per practice: AGB codes of its GPs (0101) with a werkrelatie there on a date."""
        key = ("gp", on)
        if key not in self._cache:
            gps = set(self.performers("0101", int(str(on)[:4])))
            w = self.werkrelaties
            w = w[(w.begindatum.to_numpy() <= on) & (w.einddatum.to_numpy() >= on) & w.zorgverlener_agb.isin(gps)]
            at = pd.Series(np.arange(len(self.practices)), index=self.practices.vestiging_agb)
            w = w[w.vestiging_agb.isin(at.index)]
            groups = w.groupby(at.reindex(w.vestiging_agb).to_numpy()).zorgverlener_agb.apply(np.array)
            self._cache[key] = [np.sort(groups.get(p, np.array([], dtype=object))) for p in range(len(self.practices))]
        return self._cache[key]


def _active(frame: pd.DataFrame, year: int) -> np.ndarray:
    """Index values of rows active all of a year; if none, those active on 1 July."""
    b, e = frame.begindatum.to_numpy(), frame.einddatum.to_numpy()
    whole = (b <= day(year)) & (e >= day(year, 12, 31))
    if not whole.any():
        whole = (b <= day(year, 7, 1)) & (e >= day(year, 7, 1))
    return frame.index.to_numpy()[whole]


class _Builder:
    """Collects register rows; hands out unique 8-digit AGB codes (2-digit soort + 6 digits)."""

    def __init__(self, rng, ref: RefData, years: list[int]):
        self.rng, self.ref = rng, ref
        self.w0, self.w1 = day(years[0]), day(years[-1], 12, 31)
        self.n_years = len(years)
        self.next: dict[str, int] = {}
        self.ond, self.ves, self.zv, self.wr, self.kw = [], [], [], [], []
        self.pc4 = ref.pc4.groupby("gemeentecode").pc4.apply(np.array).to_dict()

    def codes(self, soort: str, k: int, offset: int = 0) -> np.ndarray:
        key = f"{soort}-{offset}"
        start = self.next.get(key, offset + 1)
        self.next[key] = start + k
        if start + k > offset + 300000:
            raise ValueError(f"AGB number range of zorgverlenersoort {soort} exhausted")
        return np.array([f"{soort}{i:06d}" for i in range(start, start + k)])

    def begin_dates(self, k: int, share_in_window: float) -> np.ndarray:
        begin = uniform_dates(self.rng, day(1985), self.w0 - 1, k)
        late = self.rng.random(k) < share_in_window
        begin[late] = uniform_dates(self.rng, self.w0, self.w1 - 60, late.sum())
        return begin

    def end_dates(self, begin: np.ndarray, rate_per_year: float) -> np.ndarray:
        end = np.full(len(begin), FAR)
        stop = self.rng.random(len(begin)) < rate_per_year * self.n_years
        end[stop] = uniform_dates(self.rng, np.maximum(begin[stop] + 30, self.w0), self.w1)
        return end

    def ondernemingen(self, kwal: str, gem_idx: np.ndarray, label: str, stop_rate: float):
        rng, k, g = self.rng, len(gem_idx), self.ref.gemeenten
        agb = self.codes(kwal[:2], k, offset=500000)
        vagb = self.codes(kwal[:2], k, offset=800000)
        begin = self.begin_dates(k, params.PRACTICE_START_STOP_RATE * self.n_years)
        end = self.end_dates(begin, stop_rate)
        names = [f"{label} {g.gemeentenaam.iloc[i]} {j + 1}" for j, i in enumerate(gem_idx)]
        gem = g.gemeentecode.to_numpy()[gem_idx]
        postcode = [rng.choice(self.pc4[c]) + "".join(rng.choice(LETTERS, 2)) for c in gem]
        # A few vestigingen closed while their onderneming goes on (an inactive vestiging).
        vend = end.copy()
        closed = (rng.random(k) < 0.03) & (end == FAR)
        vend[closed] = uniform_dates(rng, np.maximum(begin[closed] + 30, self.w0), self.w1)
        self.ond.append(pd.DataFrame({"onderneming_agb": agb, "naam": names, "kvk_nummer": _kvk(agb),
                                      "begindatum": begin, "einddatum": end}))
        self.ves.append(pd.DataFrame({"vestiging_agb": vagb, "onderneming_agb": agb, "naam": names,
                                      "postcode": postcode, "gemeentecode": gem, "begindatum": begin,
                                      "einddatum": vend}))
        self.kw.append(pd.DataFrame({"agb_code": agb, "entiteit": "onderneming", "kwalificatiecode": kwal,
                                     "begindatum": begin, "einddatum": end}))
        return agb, vagb, begin, vend

    def zorgverleners(self, kwal: str, k: int, begin: np.ndarray | None = None) -> np.ndarray:
        rng = self.rng
        agb = self.codes(kwal[:2], k)
        if begin is None:
            begin = uniform_dates(rng, day(1985), self.w1 - 60, k)
        birth = begin - (rng.uniform(26, 45, k) * 365.25).astype("timedelta64[D]")
        end = self.end_dates(begin, 0.02)
        self.zv.append(pd.DataFrame({"zorgverlener_agb": agb, "geboortedatum": birth,
                                     "geslacht": rng.choice(["M", "V"], k, p=[0.45, 0.55]),
                                     "begindatum": begin, "einddatum": end}))
        self.kw.append(pd.DataFrame({"agb_code": agb, "entiteit": "zorgverlener", "kwalificatiecode": kwal,
                                     "begindatum": begin, "einddatum": end}))
        return agb

    def werkrelaties(self, agb: np.ndarray, vestiging: np.ndarray, v_begin: np.ndarray, v_end: np.ndarray) -> None:
        """A werkrelatie is the overlap of the provider's and the vestiging's active periods."""
        z = pd.concat(self.zv).set_index("zorgverlener_agb").loc[agb]
        begin = np.maximum(z.begindatum.to_numpy(), v_begin)
        end = np.minimum(z.einddatum.to_numpy(), v_end)
        ok = begin <= end
        self.wr.append(pd.DataFrame({"zorgverlener_agb": agb[ok], "vestiging_agb": vestiging[ok],
                                     "begindatum": begin[ok], "einddatum": end[ok]}))


def _kvk(agb: np.ndarray) -> np.ndarray:
    """A KvK number per onderneming, unique because x -> x * 7919 mod p is one-to-one."""
    x = agb.astype(np.int64)
    return np.array([f"{v:08d}" for v in 10_000_000 + (x * 7919) % 89_999_989])


def generate_register(ref: RefData, scale: float, years: list[int], seed: int,
                      insured_per_gemeente: np.ndarray) -> Register:
    rng = np.random.default_rng([seed, 2])
    b = _Builder(rng, ref, years)
    g = ref.gemeenten
    gem_p = insured_per_gemeente / insured_per_gemeente.sum()
    practices = _gp_practices(b, scale, gem_p, years)
    _gp_staff(b, practices)
    regions = sorted(g.ggd_regio.unique())
    hds_gem = np.array([int(np.flatnonzero(g.ggd_regio.to_numpy() == r)[0]) for r in regions])
    hds_agb, *_ = b.ondernemingen("0198", hds_gem, "Huisartsenpost", 0)
    b.kw[-1]["begindatum"] = b.ond[-1]["begindatum"] = b.ves[-1]["begindatum"] = day(2000)

    # Hospitals with their specialists; GGZ providers; the other providers of Zorgaanbod.
    n_h = max(2, int(round(params.HOSPITALS_NATIONAL * scale)))
    _, h_vagb, h_b, h_e = b.ondernemingen("0600", rng.choice(len(g), n_h, p=gem_p), "Ziekenhuis", 0.005)
    kw = ref.seed("agb_kwalificaties")
    spec_codes = kw[(kw.zorgverlenersoort == "03") & (kw.entiteit == "zorgverlener")].kwalificatiecode
    for code in spec_codes:
        agb = b.zorgverleners(code, max(1, int(round(params.SPECIALISTS_NATIONAL * scale / len(spec_codes)))))
        at = rng.integers(0, n_h, len(agb))
        b.werkrelaties(agb, h_vagb[at], h_b[at], h_e[at])
    n_ggz = max(3, int(round(params.GGZ_PROVIDERS_NATIONAL * scale)))
    ggz_agb, ggz_vagb, *_ = b.ondernemingen("7300", rng.choice(len(g), n_ggz, p=gem_p), "GGZ-instelling", 0.01)
    names = kw.set_index("kwalificatiecode").omschrijving
    made = {"0600", "7300"}
    for code, (n_nat, ond_kwal, n_ond_nat) in params.PROVIDERS_NATIONAL.items():
        if ond_kwal not in made:
            k = max(2, int(round(n_ond_nat * scale)))
            b.ondernemingen(ond_kwal, rng.choice(len(g), k, p=gem_p), names.get(ond_kwal, "Praktijk"), 0.02)
            made.add(ond_kwal)
        own = pd.concat(b.ves)
        own = own[own.onderneming_agb.isin(pd.concat(b.kw).query("kwalificatiecode == @ond_kwal").agb_code)]
        agb = b.zorgverleners(code, max(1, int(round(n_nat * scale))))
        at = rng.integers(0, len(own), len(agb))
        b.werkrelaties(agb, own.vestiging_agb.to_numpy()[at], own.begindatum.to_numpy()[at],
                       own.einddatum.to_numpy()[at])

    werk = pd.concat(b.wr, ignore_index=True)
    # Werkrelaties that ended while provider and vestiging go on (the provider left).
    ended = (rng.random(len(werk)) < 0.04) & (werk.einddatum.to_numpy() == FAR)
    werk.loc[ended, "einddatum"] = uniform_dates(rng, np.maximum(werk.begindatum.to_numpy()[ended], b.w0), b.w1)
    return Register(zorgverleners=pd.concat(b.zv, ignore_index=True),
                    ondernemingen=pd.concat(b.ond, ignore_index=True),
                    vestigingen=pd.concat(b.ves, ignore_index=True), werkrelaties=werk,
                    kwalificaties=pd.concat(b.kw, ignore_index=True), practices=practices,
                    hds=dict(zip(regions, hds_agb)), ggz_aanbieders=ggz_agb, ggz_vestigingen=ggz_vagb)


def _gp_practices(b: _Builder, scale: float, gem_p: np.ndarray, years: list[int]) -> pd.DataFrame:
    """GP practices placed in gemeenten by insured population, with the special kinds."""
    rng, g = b.rng, b.ref.gemeenten
    # At least two always-active normal practices besides the special kinds, at any scale.
    n = max(params.SMALL_PRACTICES_MIN + 6, int(round(params.PRACTICES_NATIONAL * scale)))
    gem = rng.choice(len(g), n, p=gem_p)
    agb, vagb, begin, end = b.ondernemingen("0100", gem, "Huisartsenpraktijk", 0.005)
    n_small = max(params.SMALL_PRACTICES_MIN, int(round(params.SMALL_PRACTICE_SHARE * n)))
    small = np.zeros(n, bool)
    small[rng.choice(n, n_small, replace=False)] = True
    size = np.where(small, rng.integers(20, 95, n), rng.lognormal(np.log(3300), 0.45, n))
    all_in = np.zeros(n, bool)
    all_in[rng.choice(np.flatnonzero(~small), max(1, int(round(params.ALL_IN_PRACTICE_SHARE * n))),
                      replace=False)] = True
    # Guarantee the patterns at every scale: a practice starting within the first year (so it has
    # patients, and a mirror, in every generated year) and one stopping in the last year.
    starts, stops = np.flatnonzero(~small & ~all_in)[:2]
    begin[starts], end[stops] = day(years[0], 4, 1), day(years[-1], 9, 30)
    for frame in (b.ond[-1], b.ves[-1], b.kw[-1]):
        frame.loc[starts, "begindatum"] = begin[starts]
        frame.loc[stops, "einddatum"] = end[stops]
    end = np.minimum(end, b.ves[-1].einddatum.to_numpy())
    return pd.DataFrame({"onderneming_agb": agb, "vestiging_agb": vagb, "gemeentecode": g.gemeentecode.to_numpy()[gem],
                         "ggd_regio": g.ggd_regio.to_numpy()[gem], "provincie": g.provincie.to_numpy()[gem],
                         "begindatum": begin, "einddatum": end, "is_small": small, "is_all_in": all_in,
                         "capacity": size})


def _gp_staff(b: _Builder, pr: pd.DataFrame) -> None:
    """GPs (one founder per practice, the rest by size, some at two practices), waarnemers, POHs."""
    rng, n = b.rng, len(pr)
    vagb, p_begin, p_end = pr.vestiging_agb.to_numpy(), pr.begindatum.to_numpy(), pr.einddatum.to_numpy()
    n_gp = max(n, int(round(params.GPS_PER_PRACTICE * n)))
    weights = np.where(pr.is_small, 0.0, pr.capacity)
    at = np.concatenate([np.arange(n), rng.choice(n, n_gp - n, p=weights / weights.sum())])
    begin = uniform_dates(rng, day(1985), b.w1 - 60, n_gp)
    begin[:n] = p_begin  # the founder starts with the practice
    gp = b.zorgverleners("0101", n_gp, begin)
    b.zv[-1].loc[:n - 1, "einddatum"] = FAR  # founders stay as long as their practice
    b.kw[-1].loc[:n - 1, "einddatum"] = FAR
    b.werkrelaties(gp, vagb[at], p_begin[at], p_end[at])
    multi = np.flatnonzero(rng.random(n_gp) < params.GP_MULTI_PRACTICE_SHARE)
    multi = np.union1d(multi, [0])
    second = (at[multi] + 1 + rng.integers(0, n - 1, len(multi))) % n
    b.werkrelaties(gp[multi], vagb[second], p_begin[second], p_end[second])
    # Some GPs worked as waarnemer (0103) for a while before they settled (0101 from then on).
    was = np.flatnonzero(rng.random(n_gp) < 0.15)
    settled = np.minimum(begin[was] + 2 * YEAR, b.w1)
    kw = b.kw[-1]
    kw.loc[was, "begindatum"] = settled
    b.kw.append(pd.DataFrame({"agb_code": gp[was], "entiteit": "zorgverlener", "kwalificatiecode": "0103",
                              "begindatum": begin[was], "einddatum": settled - 1}))

    n_wn = max(1, int(round(params.WAARNEMERS_PER_PRACTICE * n)))
    wn = b.zorgverleners("0103", n_wn)
    k = rng.integers(1, 4, n_wn)
    idx = np.repeat(np.arange(n_wn), k)
    where = rng.integers(0, n, len(idx))
    b.werkrelaties(wn[idx], vagb[where], p_begin[where], p_end[where])

    for code, per_practice in params.POH_PER_PRACTICE.items():
        k = max(2, int(round(per_practice * n)))
        agb = b.zorgverleners(code, k)
        where = rng.integers(0, n, k)
        b.werkrelaties(agb, vagb[where], p_begin[where], p_end[where])
        if code == "8501":  # part of the POH-S also qualified for POH-ouderen (8503)
            qual = rng.random(k) < params.POH_OUDEREN_QUALIFIED_SHARE
            z = b.zv[-1]
            b.kw.append(pd.DataFrame({"agb_code": agb[qual], "entiteit": "zorgverlener", "kwalificatiecode": "8503",
                                      "begindatum": np.maximum(z.begindatum.to_numpy()[qual], day(2018)),
                                      "einddatum": z.einddatum.to_numpy()[qual]}))
