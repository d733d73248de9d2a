"""Synthetic insured population: who, where, insured with whom, and their health profile.

Calibrated to the Vektis 2023 insured years per gemeente and per (age class, sex), with the
gemeente's own age mix from the CBS kerncijfers. Persons are numpy columns, not objects.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from . import params
from .dates import FAR, age_class, age_on, day, uniform_dates
from .refdata import RefData

# CBS broad age groups of the kerncijfers -> five-year classes they contain.
BROAD_GROUPS = [("p_00_14_jr", range(0, 3)), ("p_15_24_jr", range(3, 5)), ("p_25_44_jr", range(5, 9)),
                ("p_45_64_jr", range(9, 13)), ("p_65_eo_jr", range(13, 19))]
MORTALITY = 5e-5 * np.exp(0.085 * (np.arange(19) * 5 + 2.5))  # Gompertz-like, per year


@dataclass
class Population:
    years: list[int]
    persoon_id: pa.Array
    birth: np.ndarray
    sex: np.ndarray  # 0 M, 1 V, 2 O (unknown)
    buurt: np.ndarray  # index into RefData.buurten before the move; -1 = abroad
    buurt_after_move: np.ndarray
    move_date: np.ndarray
    start: np.ndarray  # coverage start (inclusive)
    end: np.ndarray  # coverage end (inclusive); FAR = open
    insurer: np.ndarray  # [n, years] index into params.MARKET_SHARES; -1 = not insured that year
    frailty: np.ndarray
    dementia: np.ndarray
    epa_dx: np.ndarray  # index into ggz diagnosegroepen, -1 = no EPA
    ggz_dx: np.ndarray  # diagnosis for episodic GGZ care
    fkg: np.ndarray  # [n, F] bool, FKG membership (columns = fkg_codes)
    fkg_codes: list[str]
    wlz_profiel: np.ndarray  # index into wlz zorgprofielen, -1 = none
    wlz_vorm: np.ndarray  # index into WLZ_VORMEN
    wlz_behandeling: np.ndarray
    wlz_start: np.ndarray
    extra: dict = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.birth)

    def buurt_on(self, on: np.datetime64) -> np.ndarray:
        return np.where(self.move_date <= on, self.buurt_after_move, self.buurt)

    def insured_on(self, on: np.datetime64) -> np.ndarray:
        return (self.start <= on) & (self.end >= on)


WLZ_VORMEN = ["instelling", "vpt", "mpt", "pgb"]


def persoon_ids(seed: int, n: int) -> pa.Array:
    """64-hex pseudonyms: a keyed hash (the 'BSN' here is just the person's index)."""
    key = f"zorgspiegel-{seed}-".encode()
    return pa.array([hashlib.sha256(key + str(i).encode()).hexdigest() for i in range(n)], pa.string())


def _age_sex_cells(ref: RefData, gemeenten) -> np.ndarray:
    """P(age class, sex | gemeente) [G, 19, 2]: national shape within the gemeente's CBS age mix."""
    v = ref.vektis_age_sex
    vj = v.pivot(index="volgorde", columns="geslacht", values="verzekerdejaren")[["M", "V"]].to_numpy()
    probs = np.zeros((len(gemeenten), 19, 2))
    for col, classes in BROAD_GROUPS:
        idx = list(classes)
        within = vj[idx] / vj[idx].sum()
        share = gemeenten[col].replace("", np.nan).astype(float).fillna(20.0).to_numpy()
        probs[:, idx, :] = share[:, None, None] * within[None]
    return probs / probs.sum(axis=(1, 2), keepdims=True)


def _draw_ages(rng, cls: np.ndarray) -> np.ndarray:
    age = cls.astype(np.int64) * 5 + rng.integers(0, 5, len(cls))
    old = cls == 18
    age[old] = 90 + np.minimum(rng.exponential(3.5, old.sum()).astype(np.int64), 15)
    return age


def _buurt_picker(rng, ref: RefData):
    """Per gemeente: its buurt indices and uneven, fixed weights (buurten differ in size)."""
    b = ref.buurten
    out = {}
    for code, idx in b.groupby("gemeentecode").indices.items():
        w = rng.gamma(2.0, size=len(idx))
        out[code] = (np.asarray(idx), w / w.sum())
    return out


def _place(rng, picker, gem_codes: np.ndarray) -> np.ndarray:
    buurt = np.empty(len(gem_codes), dtype=np.int32)
    for code in np.unique(gem_codes):
        sel = np.flatnonzero(gem_codes == code)
        idx, w = picker[code]
        buurt[sel] = rng.choice(idx, size=len(sel), p=w)
    return buurt


def generate_population(ref: RefData, scale: float, years: list[int], seed: int) -> Population:
    rng = np.random.default_rng([seed, 1])
    g = ref.gemeenten
    first, last = years[0], years[-1]
    w0, w1 = day(first), day(last, 12, 31)
    ref_day = day(params.REFERENCE_YEAR, 7, 1)

    # Base population, alive and insured on 1 July of the reference year.
    n_g = np.maximum(1, np.round(g.verzekerdejaren.to_numpy() * scale)).astype(np.int64)
    cells = _age_sex_cells(ref, g).reshape(len(g), 38)
    counts = np.stack([rng.multinomial(n, p) for n, p in zip(n_g, cells)])
    gem_idx = np.repeat(np.repeat(np.arange(len(g)), 38), counts.ravel())
    cell = np.tile(np.arange(38), len(g)).repeat(counts.ravel())
    cls, sex = cell // 2, (cell % 2).astype(np.int8)
    age = _draw_ages(rng, cls)
    birth = ref_day - (age * 365.25 + rng.integers(0, 365, len(age))).astype("timedelta64[D]")

    gem_weight = n_g / n_g.sum()
    parts = [(gem_idx, birth, sex, np.full(len(birth), FAR))]

    # Births after the reference date, to the end of the window.
    span_days = max(0, int((w1 - ref_day).astype(int)))
    n_births = int(round(params.BIRTH_RATE * n_g.sum() * span_days / 365.25))
    if n_births:
        bb = ref_day + 1 + rng.integers(0, span_days, n_births).astype("timedelta64[D]")
        parts.append((rng.choice(len(g), n_births, p=gem_weight), bb,
                      rng.integers(0, 2, n_births).astype(np.int8), np.full(n_births, FAR)))

    # Persons who die within the window (the base population holds survivors only).
    vj = ref.vektis_age_sex.pivot(index="volgorde", columns="geslacht", values="verzekerdejaren").to_numpy()
    death_w = (vj * MORTALITY[:, None]).ravel()
    for y in years:
        k = int(round(params.DEATH_RATE * n_g.sum()))
        dcell = rng.choice(38, k, p=death_w / death_w.sum())
        dage = _draw_ages(rng, dcell // 2)
        ddate = uniform_dates(rng, day(y), day(y, 12, 31), k)
        dbirth = ddate - (dage * 365.25 + rng.integers(1, 365, k)).astype("timedelta64[D]")
        parts.append((rng.choice(len(g), k, p=gem_weight), dbirth, (dcell % 2).astype(np.int8), ddate))

    gem_idx, birth, sex, end = (np.concatenate(c) for c in zip(*parts))
    n = len(birth)
    start = birth.copy()
    # Those insured since before the window: the exact historic start date is not needed.
    start = np.where(start < w0, day(first - 1, 1, 1) - rng.integers(0, 3650, n).astype("timedelta64[D]"),
                     start)
    start = np.maximum(start, birth)

    # Migration: immigrants start, emigrants end, inside the window.
    adult = (age_on(birth, ref_day) >= 18) & (age_on(birth, ref_day) <= 45)
    for rate, is_start in ((params.IMMIGRATION_RATE, True), (params.EMIGRATION_RATE, False)):
        k = int(rate * n * len(years))
        who = rng.choice(np.flatnonzero(adult & (end == FAR)), k, replace=False)
        when = uniform_dates(rng, w0, w1, k)
        if is_start:
            start[who] = np.maximum(when, birth[who])
        else:  # leaves at least a month after arriving or being born
            end[who] = np.maximum(when, start[who] + np.timedelta64(30, "D"))
    keep = (start <= w1) & (end >= w0)
    gem_idx, birth, sex, start, end = gem_idx[keep], birth[keep], sex[keep], start[keep], end[keep]
    n = len(birth)
    sex[rng.random(n) < params.UNKNOWN_SEX_SHARE] = 2

    gem_codes = g.gemeentecode.to_numpy()[gem_idx]
    picker = _buurt_picker(rng, ref)
    buurt = _place(rng, picker, gem_codes)
    buurt[rng.random(n) < params.ABROAD_SHARE] = -1

    movers = (rng.random(n) < params.MOVER_SHARE) & (buurt >= 0)
    move_date = np.full(n, FAR)
    move_date[movers] = uniform_dates(rng, w0, w1, movers.sum())
    new_gem = gem_codes.copy()
    leave = movers & (rng.random(n) < params.MOVE_OTHER_GEMEENTE)
    new_gem[leave] = g.gemeentecode.to_numpy()[rng.choice(len(g), leave.sum(), p=gem_weight)]
    buurt_after = buurt.copy()
    buurt_after[movers] = _place(rng, picker, new_gem[movers])

    insurer = _insurers(rng, start, end, years)
    pop = Population(years=years, persoon_id=persoon_ids(seed, n), birth=birth, sex=sex, buurt=buurt,
                     buurt_after_move=buurt_after, move_date=move_date, start=start, end=end,
                     insurer=insurer, frailty=rng.gamma(params.FRAILTY_SHAPE, 1 / params.FRAILTY_SHAPE, n),
                     dementia=np.zeros(n, bool), epa_dx=np.full(n, -1, np.int8), ggz_dx=np.zeros(n, np.int8),
                     fkg=np.zeros((n, 0), bool), fkg_codes=[], wlz_profiel=np.full(n, -1, np.int8),
                     wlz_vorm=np.zeros(n, np.int8), wlz_behandeling=np.zeros(n, bool), wlz_start=np.full(n, FAR))
    _health(rng, ref, pop, ref_day, w0, w1)
    return pop


def _insurers(rng, start, end, years) -> np.ndarray:
    shares = np.array(list(params.MARKET_SHARES.values()))
    n = len(start)
    out = np.empty((n, len(years)), dtype=np.int8)
    out[:, 0] = rng.choice(len(shares), n, p=shares)
    for j in range(1, len(years)):
        switch = rng.random(n) < params.SWITCH_RATE
        out[:, j] = np.where(switch, rng.choice(len(shares), n, p=shares), out[:, j - 1])
    for j, y in enumerate(years):
        out[(start > day(y, 12, 31)) | (end < day(y)), j] = -1
    return out


def _health(rng, ref: RefData, pop: Population, ref_day, w0, w1) -> None:
    """Static health profile per person, conditioned on age: drives GGZ, FKG, dementia and Wlz."""
    n = pop.n
    cls = age_class(np.maximum(age_on(pop.birth, ref_day), 0))
    dx = ref.seed("ggz_diagnosegroepen")
    epa_codes = np.flatnonzero(dx.is_epa_diagnose.to_numpy() == "true")
    episodic = np.flatnonzero((dx.is_epa_diagnose.to_numpy() == "false") & (dx.is_dementie.to_numpy() == "false"))
    pop.dementia = rng.random(n) < params.DEMENTIA_PREVALENCE[cls]
    epa = (rng.random(n) < params.EPA_PREVALENCE[cls]) & ~pop.dementia
    pop.epa_dx = np.where(epa, rng.choice(epa_codes, n), -1).astype(np.int8)
    pop.ggz_dx = rng.choice(episodic, n).astype(np.int8)

    fkg = ref.seed("atc_fkg")
    pop.fkg_codes = list(fkg.fkg_code)
    pop.fkg = np.zeros((n, len(pop.fkg_codes)), bool)
    for j, code in enumerate(pop.fkg_codes):
        if code == "FKG11":
            pop.fkg[:, j] = pop.dementia & (rng.random(n) < params.DEMENTIA_ON_MEDICATION)
        elif code == "FKG13":
            pop.fkg[:, j] = (rng.random(n) < params.FKG_PREVALENCE[code][cls]) | (epa & (rng.random(n) < 0.7))
        else:
            pop.fkg[:, j] = rng.random(n) < params.FKG_PREVALENCE[code][cls]

    prof = list(ref.seed("wlz_zorgprofielen").zorgprofiel)
    p = {code: i for i, code in enumerate(prof)}
    wlz = np.full(n, -1, np.int8)
    vorm = rng.choice(4, n, p=[0.7, 0.1, 0.12, 0.08]).astype(np.int8)
    dem_inst = pop.dementia & (rng.random(n) < params.DEMENTIA_IN_WLZ_INSTELLING)
    wlz[dem_inst] = p["VV05"]
    frail = ~dem_inst & (rng.random(n) < params.WLZ_FRAIL_ELDERLY[cls])
    wlz[frail] = rng.choice([p["VV04"], p["VV06"], p["VV07"], p["VV08"]], frail.sum())
    dis = (wlz < 0) & (rng.random(n) < params.WLZ_DISABILITY)
    wlz[dis] = rng.choice([p["VG05"], p["VG07"], p["LG04"]], dis.sum())
    ggzw = epa & (wlz < 0) & (rng.random(n) < 0.1)
    wlz[ggzw] = p["GGZ-W3"]
    vorm[dem_inst] = 0
    pop.wlz_profiel, pop.wlz_vorm = wlz, vorm
    pop.wlz_behandeling = (vorm == 0) & (rng.random(n) < params.WLZ_MET_BEHANDELING)
    # Indications start before or during the window; never before birth or coverage.
    pop.wlz_start = np.maximum(uniform_dates(rng, w0 - np.timedelta64(1500, "D"), w1, n), pop.start)
    # An indication that would start after the person's coverage ended never happens.
    pop.wlz_profiel[pop.wlz_start > pop.end] = -1
