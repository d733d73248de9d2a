"""Claim lines (declaraties) for one insurer, one year and a block of its insured persons.

Expected cost per person and care category comes from the Vektis-calibrated cost matrix
(age class x sex x category), the person's gemeente factor and the year's cost level; the
GP streams are built from their real structure (quarterly registration fees, chain care,
POH, S&B) with the consults filling the rest of the GP budget. Lines are dated, get a
processing lag per stream, and ~1.5 % are later reversed and re-claimed.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import params
from .dates import age_class, age_on, day, uniform_dates
from .lines import Lines, StringTable
from .population import Population, _age_sex_cells
from .practices import Registration, active_on, gp_of, practice_on
from .providers import Register
from .refdata import RefData


@dataclass
class ClaimContext:
    ref: RefData
    pop: Population
    reg: Register
    registration: Registration
    strings: StringTable
    cost: np.ndarray  # [19, 2, C] EUR per insured year, reference year
    gem_factor: np.ndarray  # [G, C]
    streams: list[str]
    stream_cat: np.ndarray  # category index per stream
    gp: dict  # GP code tables
    sb_components: np.ndarray  # [practices, 3] bool: contracted S&B parts (spreekuur, a, b)
    mtvp_practice: np.ndarray


def build_context(ref: RefData, pop: Population, reg: Register, registration: Registration,
                  seed: int) -> ClaimContext:
    rng = np.random.default_rng([seed, 4])
    cost, _ = ref.cost_matrix()
    cats = ref.categories
    g = ref.gemeenten
    cells = _age_sex_cells(ref, g)  # [G, 19, 2]
    expected = np.einsum("gas,asc->gc", cells, cost)
    v = ref.vektis_gemeente.pivot(index="gemeentecode", columns="zorgcategorie", values="kosten_eur")
    actual = v.reindex(index=g.gemeentecode, columns=cats).to_numpy() / g.verzekerdejaren.to_numpy()[:, None]
    zs = ref.zorgstromen
    streams = list(zs.zorgstroom)
    codes = ref.gp_codes
    n_pr = len(reg.practices)
    return ClaimContext(ref=ref, pop=pop, reg=reg, registration=registration, strings=StringTable(), cost=cost,
                        gem_factor=actual / expected, streams=streams,
                        stream_cat=np.array([cats.index(c) for c in zs.zorgcategorie]),
                        gp={r.prestatiecode: r for r in codes.itertuples()},
                        sb_components=rng.random((n_pr, 3)) < np.array([0.7, 0.85, 0.6]),
                        mtvp_practice=rng.random(n_pr) < 0.3)


def _tariffs(b: "Block", codes: np.ndarray) -> np.ndarray:
    """The year's tariff of each GP prestatiecode (see Block.tariff)."""
    uniq, inv = np.unique(np.asarray(codes, dtype=str), return_inverse=True)
    return np.array([b.tariff[c] for c in uniq], dtype=float)[inv] if len(uniq) else np.empty(0)


def _valid(ctx: ClaimContext, code: str, on: np.datetime64) -> bool:
    r = ctx.gp[code]
    return np.datetime64(r.geldig_vanaf) <= on and (not r.geldig_tot or on <= np.datetime64(r.geldig_tot))


class Block:
    """The persons of one insurer-year block and what every generator step needs about them."""

    def __init__(self, ctx: ClaimContext, persons: np.ndarray, year: int, rng: np.random.Generator):
        pop = ctx.pop
        self.ctx, self.persons, self.year, self.rng = ctx, persons, year, rng
        self.y0, self.y1 = day(year), day(year, 12, 31)
        self.lo = np.maximum(pop.start[persons], self.y0)
        self.hi = np.minimum(pop.end[persons], self.y1)
        self.exposure = ((self.hi - self.lo).astype(int) + 1) / ((self.y1 - self.y0).astype(int) + 1)
        mid = day(year, 6, 30)
        self.age = np.maximum(age_on(pop.birth[persons], mid), 0)
        self.cls = age_class(self.age)
        self.sex = np.where(pop.sex[persons] == 2, 1, pop.sex[persons])
        buurt = pop.buurt_on(day(year, 7, 1))[persons]
        gem_idx = ctx.ref.gemeenten.reset_index().set_index("gemeentecode")["index"]
        gem = np.where(buurt >= 0, gem_idx.reindex(ctx.ref.buurten.gemeentecode.to_numpy()[np.maximum(buurt, 0)])
                       .to_numpy(), -1)
        factor = np.where(gem[:, None] >= 0, ctx.gem_factor[np.maximum(gem, 0)], 1.0)
        growth = (1 + params.COST_GROWTH_PER_YEAR) ** (year - params.REFERENCE_YEAR)
        # GP tariffs are indexed with the cost level (the seed's tariffs are the reference year's),
        # so volumes stay stable over the years while amounts grow.
        self.tariff = {code: round(r.tarief_eur * growth, 2) for code, r in ctx.gp.items()}
        # Expected cost per person and category this year [n, C].
        self.expected = ctx.cost[self.cls, self.sex] * factor * growth * self.exposure[:, None]
        self.frailty = pop.frailty[persons]
        self.cell = self.cls.astype(np.int64) * 2 + self.sex
        self.lines = Lines()

    def dates(self, mask=None) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = (self.lo, self.hi) if mask is None else (self.lo[mask], self.hi[mask])
        return lo, hi

    def stream_target(self, stroom: str) -> np.ndarray:
        k = self.ctx.streams.index(stroom)
        return self.expected[:, self.ctx.stream_cat[k]] * params.STREAMS[stroom][0]


def _pick(b: "Block", pool, k: int) -> np.ndarray:
    """k string ids drawn uniformly from a pool of codes (AGB numbers, prestatiecodes, ...).
    An empty pool (e.g. no active specialist of a kind at a tiny scale) gives nulls (-1)."""
    if not len(pool):
        return np.full(k, -1, dtype=np.int32)
    return b.ctx.strings.ids(pool)[b.rng.integers(0, len(pool), k)]


def _per_cell_mean(cell: np.ndarray, values: np.ndarray) -> np.ndarray:
    total = np.bincount(cell, weights=values, minlength=38)
    count = np.bincount(cell, minlength=38)
    return np.where(count > 0, total / np.maximum(count, 1), 0.0)


def emit_counted(b: Block, stroom: str, weight: np.ndarray, codes: list[str], code_p, declarant_pool,
                 performer_pool=None, dx=None, atc=None, ddd=None, duration: int | None = None,
                 aantal=None) -> None:
    """Generic stream: Poisson line counts, concentrated on persons with a higher weight, such
    that the expected cost of each (age, sex) cell equals the calibrated target."""
    ctx, rng = b.ctx, b.rng
    target = b.stream_target(stroom)
    mean_amount = params.STREAMS[stroom][1]
    w = weight * b.frailty
    norm = _per_cell_mean(b.cell, w)[b.cell]
    lam = np.where(norm > 0, target / mean_amount * w / np.maximum(norm, 1e-12), 0.0)
    n = rng.poisson(lam)
    idx = np.repeat(np.arange(len(b.persons)), n)
    if not len(idx):
        return
    k = len(idx)
    begin = uniform_dates(rng, b.lo[idx], b.hi[idx])
    dur = params.STREAMS[stroom][4] if duration is None else duration
    end = np.minimum(begin + (rng.random(k) * (dur + 1)).astype("timedelta64[D]"), b.hi[idx])
    bedrag = np.round(rng.gamma(params.AMOUNT_SHAPE, mean_amount / params.AMOUNT_SHAPE, k), 2)
    code_ids = ctx.strings.ids(codes)[rng.choice(len(codes), k, p=code_p)]
    decl = _pick(b, declarant_pool, k)
    perf = -1 if performer_pool is None else _pick(b, performer_pool, k)
    b.lines.add(b.persons[idx], ctx.streams.index(stroom), code_ids, begin, end,
                1 if aantal is None else aantal(idx), bedrag, decl, perf,
                atc=-1 if atc is None else atc(idx), ddd=np.nan if ddd is None else ddd(idx),
                dx=-1 if dx is None else dx(idx))


# --- GP care -----------------------------------------------------------------------------

def _fee_code(ctx, age: np.ndarray, laag: np.ndarray, all_in: np.ndarray) -> np.ndarray:
    band = np.where(age >= 75, 2, np.where(age >= 65, 1, 0))
    normal = np.array(["11000", "11100", "11101"])[band]
    deprived = np.array(["11102", "11103", "11104"])[band]
    codes = np.where(all_in, "19001", np.where(laag, deprived, normal))
    return codes


def gp_streams(b: Block) -> None:
    ctx, rng, pop, reg = b.ctx, b.rng, b.ctx.pop, b.ctx.reg
    r = ctx.registration
    pr = reg.practices
    practice_agb = ctx.strings.ids(list(pr.onderneming_agb))
    buurt_ses = ctx.ref.buurten.ses_woa_klasse.to_numpy()
    in_wlz_inst = (pop.wlz_profiel[b.persons] >= 0) & (pop.wlz_vorm[b.persons] == 0) & pop.wlz_behandeling[b.persons]
    laag = np.zeros(len(b.persons), bool)
    home = pop.buurt_on(day(b.year, 7, 1))[b.persons]
    laag[home >= 0] = buurt_ses[home[home >= 0]] == "laag"
    laag &= (ctx.registration.gp_slot[b.persons] % 100) < params.ACHTERSTAND_SHARE_LAAG * 100
    stroom_fee, stroom_over, stroom_mdz = (ctx.streams.index(s) for s in
                                           ("huisarts_inschrijftarief", "huisarts_overig", "huisarts_mdz"))
    gp_cost = np.zeros(len(b.persons))  # tariff-based GP cost so far, to size the consults
    reg_q = []
    for q in range(4):
        qs = day(b.year, 3 * q + 1, 1)
        qe = (qs.astype("datetime64[M]") + 3).astype("datetime64[D]") - 1
        p = practice_on(reg, r, b.persons, qs)
        wlz_now = in_wlz_inst & (pop.wlz_start[b.persons] <= qs)
        ok = (p >= 0) & (pop.start[b.persons] <= qs) & (pop.end[b.persons] >= qs) & (pop.birth[b.persons] < qs) & ~wlz_now
        reg_q.append(np.where(ok, p, -1))
        sel = np.flatnonzero(ok)
        age = age_on(pop.birth[b.persons[sel]], qs)
        codes = _fee_code(ctx, age, laag[sel], pr.is_all_in.to_numpy()[p[sel]])
        tariffs = _tariffs(b, codes)
        gp = ctx.strings.ids(gp_of(reg, r, b.persons[sel], p[sel], qs))
        b.lines.add(b.persons[sel], stroom_fee, ctx.strings.ids(codes), qs, qe, 1, tariffs, practice_agb[p[sel]], gp)
        np.add.at(gp_cost, sel, tariffs)
        # A few patients get a fee from a second practice in the same quarter (double registration).
        dbl = sel[rng.random(len(sel)) < params.DOUBLE_REGISTRATION_RATE * (2.0 if q == 2 else 0.67)]
        other = (p[np.searchsorted(sel, dbl)] + 1 + rng.integers(0, len(pr) - 1, len(dbl))) % len(pr)
        other = np.where(active_on(reg, qs)[other], other, r.successor[other])
        other_gp = ctx.strings.ids(gp_of(reg, r, b.persons[dbl], other, qs))
        b.lines.add(b.persons[dbl], stroom_fee, ctx.strings.id("11000"), qs, qe, 1, b.tariff["11000"],
                    practice_agb[other], other_gp)
        # S&B components: per registered patient per quarter, as contracted by the practice.
        for comp, parts in enumerate([["15001"], ["15002"], ["15003"] if _valid(ctx, "15003", qs) else ["15004", "15005"]]):
            has = sel[ctx.sb_components[p[sel], comp]]
            for code in parts:
                b.lines.add(b.persons[has], stroom_over, ctx.strings.id(code), qs, qe, 1, b.tariff[code],
                            practice_agb[p[has]], -1)
                np.add.at(gp_cost, has, b.tariff[code])
        # Chain care (ketenzorg) per quarter for chronic patients; CVRM is one group from July 2020.
        fkg = pop.fkg[b.persons[sel]]
        col = {c: i for i, c in enumerate(pop.fkg_codes)}
        in_chain = (ctx.registration.gp_slot[b.persons[sel]] % 7) < 4
        cvrm = "14006" if _valid(ctx, "14006", qs) else None
        for code, mask in (("14001", fkg[:, col["FKG01"]] | fkg[:, col["FKG02"]]),
                           ("14002", fkg[:, col["FKG03"]] & (age >= 40)),
                           ("14003", fkg[:, col["FKG03"]] & (age < 40)),
                           (cvrm or "14005", fkg[:, col["FKG04"]]),
                           (cvrm or "14004", (fkg[:, col["FKG05"]] | fkg[:, col["FKG06"]]) & ~fkg[:, col["FKG04"]])):
            has = sel[mask & in_chain]
            b.lines.add(b.persons[has], stroom_mdz, ctx.strings.id(code), qs, qe, 1, b.tariff[code],
                        practice_agb[p[has]], -1)
            np.add.at(gp_cost, has, b.tariff[code])
    b.registered = np.stack(reg_q, axis=1)  # [n, 4] practice per quarter, -1 = none
    _gp_contacts(b, gp_cost, practice_agb)


def _quarter_practice(b: Block, idx: np.ndarray, begin: np.ndarray) -> np.ndarray:
    """The practice a person is registered with in the quarter of each line (-1 = none); if that
    practice closed (or had not opened) by the line's date, its successor declares."""
    q = (begin.astype("datetime64[M]").astype(int) % 12) // 3
    p = b.registered[idx, q]
    pr = b.ctx.reg.practices
    ok = np.flatnonzero(p >= 0)
    inactive = (pr.begindatum.to_numpy()[p[ok]] > begin[ok]) | (pr.einddatum.to_numpy()[p[ok]] < begin[ok])
    p[ok[inactive]] = b.ctx.registration.successor[p[ok[inactive]]]
    return p


def _gp_contacts(b: Block, gp_cost: np.ndarray, practice_agb) -> None:
    """POH, MTVP and M&I lines, then consults and visits sized to the rest of the GP budget."""
    ctx, rng, pop, reg = b.ctx, b.rng, b.ctx.pop, b.ctx.reg
    n = len(b.persons)
    over = ctx.streams.index("huisarts_overig")
    chronic = pop.fkg[b.persons].sum(axis=1)
    mid = day(b.year, 6, 30)
    ever = b.registered.max(axis=1) >= 0

    def contact(mask, lam, codes, performer_kwal):
        """Practice-nurse and other practice contacts: only while registered at the practice."""
        idx = np.repeat(np.flatnonzero(mask & ever), rng.poisson(lam * b.exposure[mask & ever] * b.frailty[mask & ever]))
        begin = uniform_dates(rng, b.lo[idx], b.hi[idx])
        practice = _quarter_practice(b, idx, begin)
        keep = practice >= 0
        idx, begin, practice = idx[keep], begin[keep], practice[keep]
        code = np.array(codes)[rng.integers(0, len(codes), len(idx))]
        tariff = _tariffs(b, code)
        pool = reg.performers(performer_kwal, b.year)
        perf = _pick(b, pool, len(idx))
        b.lines.add(b.persons[idx], over, ctx.strings.ids(code), begin, begin, 1, tariff, practice_agb[practice], perf)
        np.add.at(gp_cost, idx, tariff)

    q3 = np.maximum(b.registered[:, 2], 0)
    ggz_user = (pop.ggz_dx[b.persons] >= 0) & (rng.random(n) < params.GGZ_EPISODE_RATE[b.cls] * 2)
    contact(chronic > 0, 1.2, ["13050"], "8501")
    # POH-ouderen consults are also claimed by POH-S without that qualification (to be flagged).
    contact(b.age >= 75, 0.8, ["13055"], "8501")
    contact(ggz_user & (b.age >= 12), 3.0, ["12110", "12111", "12114"], "8502")
    contact(ctx.mtvp_practice[q3] & ((chronic >= 2) | (b.age >= 75)), 1.5, ["13070"], "0101")
    contact(b.age >= 40, 0.08, ["13004", "13005"], "0101")
    contact(pop.dementia[b.persons], 0.5, ["13010"], "0101")
    _consults(b, gp_cost, practice_agb, ever, mid)


def _contact_kinds(ctx: ClaimContext, mid: np.datetime64) -> list[tuple[np.ndarray, np.ndarray]]:
    """Codes and their shares per kind of contact: in-hours consult, in-hours visit, out-of-hours
    consult, out-of-hours visit (index = 2 * outside + visit); the consult codes of the year's
    period (before or after the 2022 consult change, by the seed's validity of 12000)."""
    periode = "tot_2022" if _valid(ctx, "12000", mid) else "vanaf_2022"
    kinds = [params.GP_CONSULT_CODES_IN_HOURS[periode], params.GP_VISIT_CODES_IN_HOURS,
             params.GP_CONSULT_CODES_OUT_OF_HOURS[periode], params.GP_VISIT_CODES_OUT_OF_HOURS]
    return [(np.array(list(k)), np.array(list(k.values())) / sum(k.values())) for k in kinds]


def _consults(b: Block, gp_cost: np.ndarray, practice_agb, ever: np.ndarray, mid: np.datetime64) -> None:
    """Consults and visits, inside and outside office hours, filling the GP budget left by fees,
    chain care, POH and S&B, so the GP category stays calibrated."""
    ctx, rng, pop, reg = b.ctx, b.rng, b.ctx.pop, b.ctx.reg
    n = len(b.persons)
    target = sum(b.stream_target(s) for s in ("huisarts_inschrijftarief", "huisarts_consult",
                                             "huisarts_mdz", "huisarts_overig"))
    rest_cell = np.maximum(_per_cell_mean(b.cell, target - gp_cost), 0.25 * _per_cell_mean(b.cell, target))
    kinds = _contact_kinds(ctx, mid)
    t = [float(np.dot([b.tariff[c] for c in codes], p)) for codes, p in kinds]  # mean tariff per kind
    elderly = b.age >= 75
    out_share = params.GP_OUT_OF_HOURS_SHARE
    visit_in = np.where(elderly, *params.GP_VISIT_SHARE_IN_HOURS)
    visit_out = np.where(elderly, *params.GP_VISIT_SHARE_OUT_OF_HOURS)
    mean_tariff = (1 - out_share) * ((1 - visit_in) * t[0] + visit_in * t[1]) \
        + out_share * ((1 - visit_out) * t[2] + visit_out * t[3])
    w = b.frailty * b.exposure * np.where(pop.wlz_profiel[b.persons] >= 0, 0.5, 1.0)
    w = np.where(ever, w, 0.3 * w)  # never registered this year: passanten, fewer contacts
    lam = rest_cell[b.cell] / mean_tariff * w / np.maximum(_per_cell_mean(b.cell, w)[b.cell], 1e-9)
    idx = np.repeat(np.arange(n), rng.poisson(lam))
    k = len(idx)
    begin = uniform_dates(rng, b.lo[idx], b.hi[idx])
    is_out = rng.random(k) < out_share
    is_visit = rng.random(k) < np.where(is_out, visit_out[idx], visit_in[idx])
    kind = 2 * is_out + is_visit
    code = np.empty(k, dtype="<U5")
    for i, (codes, p) in enumerate(kinds):
        sel = np.flatnonzero(kind == i)
        code[sel] = codes[rng.choice(len(codes), len(sel), p=p)]
    tariff = _tariffs(b, code)
    # The practice of the line's quarter; not registered then: a passant at a practice active that day.
    practice = _quarter_practice(b, idx, begin)
    quarter = (begin.astype("datetime64[M]").astype(int) % 12) // 3
    for q in range(4):
        passant = np.flatnonzero((practice < 0) & (quarter == q))
        qs = day(b.year, 3 * q + 1, 1)
        qe = (qs.astype("datetime64[M]") + 3).astype("datetime64[D]") - 1
        active = np.flatnonzero(active_on(reg, qs) & active_on(reg, qe))
        practice[passant] = active[rng.integers(0, len(active), len(passant))]
    gp = np.empty(k, dtype=object)
    for q in range(4):  # the patient's own GP at that practice in that quarter
        sel = np.flatnonzero(quarter == q)
        gp[sel] = gp_of(reg, ctx.registration, b.persons[idx[sel]], practice[sel], day(b.year, 3 * q + 1, 1))
    regio = reg.practices.ggd_regio.to_numpy()[practice]
    # HAP/HDS codes (123xx) are claimed by the region's huisartsenpost, where any GP may be on duty; the
    # ANW codes (122xx) by the practice that serves its own patients in the evening or weekend.
    hap = np.char.startswith(code, "123")
    decl = np.where(hap, ctx.strings.ids([reg.hds[x] for x in regio]), practice_agb[practice])
    duty = reg.performers("0101", b.year)
    perf = np.where(hap, _pick(b, duty, k), ctx.strings.ids(gp))
    b.lines.add(b.persons[idx], ctx.streams.index("huisarts_consult"), ctx.strings.ids(code), begin, begin, 1,
                tariff, decl, perf)


# --- Other streams -------------------------------------------------------------------------

GENERIC = {
    # stream: (declarant kwalificatie, performer kwalificatie or None, codes)
    "mondzorg": ("1299", "1200", ["MZ-C11", "MZ-V21", "MZ-ORT"]),
    "fysiotherapie": ("0499", "0401", ["FT-1000", "FT-1900"]),
    "paramedisch_overig": ("0499", "0501", ["LO-1000", "ET-1000", "DI-1000"]),
    "verloskunde": ("0899", "0801", ["VL-ZWANG"]),
    "kraamzorg": ("9199", None, ["KZ-UUR"]),
    "geboortezorg_integraal": ("0899", "0801", ["IG-TRAJ"]),
    "hulpmiddelen": ("0600", None, ["HM-ALG"]),
    "wijkverpleging": ("9199", "9110", ["WV-VV"]),
    "eerstelijnsverblijf": ("9199", None, ["ELV-DAG"]),
    "grz": ("0600", "0335", ["GRZ-TRAJ"]),
    "ziekenvervoer_zittend": ("0600", None, ["ZV-ZIT"]),
    "ziekenvervoer_liggend": ("0600", None, ["ZV-AMB"]),
    "eerstelijns_ondersteuning": ("0100", None, ["EO-ALG"]),
    "gzsp": ("9199", None, ["GZSP-DAG"]),
    "grensoverschrijdend": ("0600", None, ["GO-ALG"]),
    "overig": ("0600", None, ["OV-ALG"]),
}


def other_streams(b: Block) -> None:
    pop, reg = b.ctx.pop, b.ctx.reg
    one = np.ones(len(b.persons))
    dementia = pop.dementia[b.persons]
    for stroom, (decl, perf, codes) in GENERIC.items():
        weight = one * (3.0 if stroom == "wijkverpleging" else 1.0) ** dementia
        emit_counted(b, stroom, weight, codes, None, reg.declarants(decl, b.year),
                     None if perf is None else reg.performers(perf, b.year))
    _pharmacy(b)
    _hospital(b)
    _ggz(b)


def _pharmacy(b: Block) -> None:
    """Chronic medication (FKG, >= the DDD threshold a year) plus acute prescriptions."""
    ctx, rng, pop = b.ctx, b.rng, b.ctx.pop
    fkg = ctx.ref.seed("atc_fkg")
    atc_of = fkg.atc_voorbeeld.to_numpy()  # a real level-5 ATC code within the FKG's prefix
    member = pop.fkg[b.persons]
    # Four dispensings a year of 50-100 DDD (>= 180 DDD for a full insured year).
    pi, fi = np.nonzero(member)
    n_disp = np.maximum(1, np.round(4 * b.exposure[pi]).astype(int))
    pi, fi = np.repeat(pi, n_disp), np.repeat(fi, n_disp)
    chronic_atc = atc_of[fi]
    acute_n = rng.poisson((1.0 + b.age / 25.0) * b.exposure * b.frailty)
    ai = np.repeat(np.arange(len(b.persons)), acute_n)
    atc = np.concatenate([chronic_atc, np.array(params.ACUTE_ATC)[rng.integers(0, len(params.ACUTE_ATC), len(ai))]])
    ddd = np.concatenate([rng.uniform(50, 100, len(pi)), rng.uniform(5, 20, len(ai))]).round(2)
    idx = np.concatenate([pi, ai])
    if not len(idx):
        return
    # Amounts: each (age, sex) cell's lines share that cell's calibrated pharmacy budget.
    target = b.stream_target("farmacie")
    lines_per_person = np.bincount(idx, minlength=len(b.persons))
    per_line = np.bincount(b.cell, weights=target, minlength=38) / np.maximum(
        np.bincount(b.cell, weights=lines_per_person, minlength=38), 1)
    bedrag = np.round(per_line[b.cell[idx]] * rng.gamma(2.0, 0.5, len(idx)) * np.where(ddd > 30, 1.6, 0.4), 2)
    bedrag *= np.bincount(b.cell, weights=target, minlength=38)[b.cell[idx]] / np.maximum(
        np.bincount(b.cell[idx], weights=bedrag, minlength=38)[b.cell[idx]], 1e-9)
    begin = uniform_dates(rng, b.lo[idx], b.hi[idx])
    decl = _pick(b, ctx.reg.declarants("0205", b.year), len(idx))
    code = np.where(rng.random(len(idx)) < 0.05, ctx.strings.id("F1001"), ctx.strings.id("F1000"))
    b.lines.add(b.persons[idx], ctx.streams.index("farmacie"), code, begin, begin, 1, np.round(bedrag, 2), decl,
                -1, atc=ctx.strings.ids(atc), ddd=ddd)


def _hospital(b: Block) -> None:
    ctx, rng, pop = b.ctx, b.rng, b.ctx.pop
    dx = ctx.ref.seed("msz_diagnosen")
    codes = dx.diagnosecode.to_numpy()
    dem_codes = np.flatnonzero(dx.is_dementie.to_numpy() == "true")
    general = np.flatnonzero((dx.is_dementie.to_numpy() == "false") & ~np.isin(codes, ["0307-ZWANG", "0316-KIND"]))
    dementia = pop.dementia[b.persons]

    def diagnosis(idx):
        d = general[rng.integers(0, len(general), len(idx))]
        d = np.where(b.age[idx] < 18, np.flatnonzero(codes == "0316-KIND")[0], d)
        preg = (b.sex[idx] == 1) & (b.age[idx] >= 20) & (b.age[idx] < 45) & (rng.random(len(idx)) < 0.25)
        d = np.where(preg, np.flatnonzero(codes == "0307-ZWANG")[0], d)
        d = np.where(dementia[idx] & (rng.random(len(idx)) < 0.5), dem_codes[rng.integers(0, len(dem_codes),
                                                                                         len(idx))], d)
        return ctx.strings.ids(codes)[d]

    emit_counted(b, "msz", np.where(dementia, 1.5, 1.0), ["MSZ-POLI", "MSZ-DAG", "MSZ-KLIN", "MSZ-OVP"],
                 [0.6, 0.2, 0.1, 0.1], ctx.reg.declarants("0600", b.year), ctx.reg.performers("0313", b.year), dx=diagnosis)


def _ggz(b: Block) -> None:
    """Episodic GGZ users, EPA patients (every year, intensive), crisis care and dementia."""
    ctx, rng, pop = b.ctx, b.rng, b.ctx.pop
    dxs = list(ctx.ref.seed("ggz_diagnosegroepen").diagnosegroep)
    dx_ids = ctx.strings.ids(dxs)
    epa = pop.epa_dx[b.persons] >= 0
    episode = rng.random(len(b.persons)) < params.GGZ_EPISODE_RATE[b.cls]
    dementia = pop.dementia[b.persons] & (rng.random(len(b.persons)) < 0.1)
    person_dx = np.where(epa, pop.epa_dx[b.persons], np.where(dementia, dxs.index("dementie"), pop.ggz_dx[b.persons]))
    weight = epa * 5.0 + episode * 1.0 + dementia * 0.5
    providers = np.concatenate([ctx.reg.declarants("7300", b.year), ctx.reg.declarants("9499", b.year)])
    dx = lambda idx: dx_ids[person_dx[idx]]  # noqa: E731
    emit_counted(b, "ggz_consulten", weight, ["CO-DIAG", "CO-BEH", "CO-GRP"], [0.2, 0.7, 0.1], providers,
                 ctx.reg.performers("9406", b.year), dx=dx)
    emit_counted(b, "ggz_verblijf", epa * 10.0 + episode * 0.1, ["VB-REG"], None, ctx.reg.declarants("7300", b.year),
                 dx=dx, aantal=lambda idx: rng.integers(5, 60, len(idx)))
    emit_counted(b, "ggz_overig", weight, ["GGZ-OV"], None, providers, dx=dx)
    emit_counted(b, "ggz_innovatie", weight, ["GGZ-INN"], None, ctx.reg.declarants("7300", b.year), dx=dx)
    # Crisis: acute consults, for part of the patients also crisis stay days.
    crisis = np.flatnonzero((b.age >= 18) & (rng.random(len(b.persons)) < params.CRISIS_RATE * (1 + 4 * epa)))
    k = rng.integers(1, 5, len(crisis))
    idx = np.repeat(crisis, k)
    begin = uniform_dates(rng, b.lo[idx], b.hi[idx])
    decl = _pick(b, ctx.reg.declarants("7300", b.year), len(idx))
    b.lines.add(b.persons[idx], ctx.streams.index("ggz_consulten"), ctx.strings.id("CO-CRISIS"), begin, begin, 1,
                np.round(rng.gamma(2, 110, len(idx)), 2), decl, -1, dx=dx(idx))
    stay = crisis[rng.random(len(crisis)) < 0.4]
    days = rng.integers(1, 22, len(stay))
    begin = uniform_dates(rng, b.lo[stay], b.hi[stay])
    end = np.minimum(begin + days.astype("timedelta64[D]"), b.hi[stay])
    decl = _pick(b, ctx.reg.declarants("7300", b.year), len(stay))
    b.lines.add(b.persons[stay], ctx.streams.index("ggz_verblijf"), ctx.strings.id("VB-CRISIS"), begin, end, days,
                np.round(days * 650.0, 2), decl, -1, dx=dx(stay))


# --- Processing: lag, reversals, Arrow table ----------------------------------------------

def block_claims(ctx: ClaimContext, persons: np.ndarray, year: int, uzovi: str, seq_start: int,
                 rng: np.random.Generator):
    """All claim lines of a block as a spec-typed Arrow table, plus the next free sequence number."""
    from ..spec import to_table
    import pyarrow as pa
    import pyarrow.compute as pc

    b = Block(ctx, persons, year, rng)
    gp_streams(b)
    other_streams(b)
    c = b.lines.collect()
    n = len(c["person"])
    lag_mean = np.array([params.STREAMS[s][2] for s in ctx.streams])[c["stroom"]]
    lag_shape = np.array([params.STREAMS[s][3] for s in ctx.streams])[c["stroom"]]
    lag = np.maximum(1, rng.gamma(lag_shape, lag_mean / lag_shape)).astype("timedelta64[D]")
    verw = c["end"] + lag
    seq = np.arange(seq_start, seq_start + n)
    kind = np.zeros(n, np.int8)  # 0 original, 1 reversal, 2 correction
    orig = np.full(n, -1, np.int64)
    # Reversals: a C line cancelling the original completely, mostly followed by a corrected D line.
    rev = np.flatnonzero(rng.random(n) < params.REVERSAL_RATE)
    corr = rev[rng.random(len(rev)) < params.CORRECTED_AFTER_REVERSAL]
    extra = {k: np.concatenate([v, v[rev], v[corr]]) for k, v in c.items()}
    later = rng.integers(10, 90, len(rev)).astype("timedelta64[D]")
    verw = np.concatenate([verw, verw[rev] + later, (verw[rev] + later)[np.isin(rev, corr)]])
    kind = np.concatenate([kind, np.full(len(rev), 1, np.int8), np.full(len(corr), 2, np.int8)])
    orig = np.concatenate([orig, seq[rev], np.full(len(corr), -1)])
    extra["bedrag"][kind == 2] = np.round(extra["bedrag"][kind == 2] * rng.uniform(0.8, 1.2, len(corr)), 2)
    seq = np.arange(seq_start, seq_start + len(kind))
    prefix = f"{uzovi}-{year}-"
    regel = pc.binary_join_element_wise(prefix, pc.cast(pa.array(seq + 1_000_000_000), pa.string()), "")
    origineel = pc.binary_join_element_wise(prefix, pc.cast(pa.array(orig + 1_000_000_000, mask=orig < 0),
                                                            pa.string()), "")
    s = ctx.strings
    table = to_table("zvw_declaraties", "declaraties", {
        "regel_id": regel, "uzovi": pa.array(np.full(len(kind), uzovi)),
        "persoon_id": ctx.pop.persoon_id.take(pa.array(extra["person"])),
        "zorgstroom": pa.array(np.array(ctx.streams)[extra["stroom"]]),
        "prestatiecode": s.arrow(extra["code"]), "atc_code": s.arrow(extra["atc"]),
        "ddd": pa.array(extra["ddd"], mask=np.isnan(extra["ddd"])),
        "diagnosecode": s.arrow(extra["dx"]), "begindatum": extra["begin"], "einddatum": extra["end"],
        "aantal": extra["aantal"], "bedrag": pa.array(np.round(extra["bedrag"], 2)),
        "debet_credit": pa.array(np.where(kind == 1, "C", "D")), "origineel_regel_id": origineel,
        "declarant_agb": s.arrow(extra["declarant"]), "zorgverlener_agb": s.arrow(extra["zorgverlener"]),
        "verwerkingsdatum": verw,
    })
    return table, verw.astype("datetime64[M]"), seq_start + len(kind)
