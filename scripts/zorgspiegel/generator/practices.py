"""Which GP practice each person is registered with, per quarter.

Persons choose a practice near home (same gemeente, else GGD region, else province), in
proportion to practice size. Small practices are capped below 100 patients. Patients of a
practice that is not (yet or any more) active are registered with its successor; some
patients switch practice at a quarter start, movers re-register near their new home.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import params
from .dates import FAR, day
from .population import Population
from .providers import Register
from .refdata import RefData


@dataclass
class Registration:
    practice: np.ndarray  # practice index, -1 = not registered
    practice_after: np.ndarray  # practice after a switch
    switch_date: np.ndarray
    successor: np.ndarray  # per practice: where its patients go while it is inactive
    gp_slot: np.ndarray  # chooses the patient's GP among the practice's GPs


def _choose(rng, reg: Register, ref: RefData, gem_codes: np.ndarray) -> np.ndarray:
    pr = reg.practices
    g = ref.gemeenten.set_index("gemeentecode")
    cap = np.where(pr.is_small, 1.0, pr.capacity.to_numpy())
    out = np.full(len(gem_codes), -1, dtype=np.int64)
    for code in np.unique(gem_codes):
        sel = np.flatnonzero(gem_codes == code)
        cand = np.array([], dtype=np.int64)
        for col, value in (("gemeentecode", code), ("ggd_regio", g.at[code, "ggd_regio"]),
                           ("provincie", g.at[code, "provincie"])):
            cand = np.flatnonzero(pr[col].to_numpy() == value)
            if len(cand):
                break
        if not len(cand):
            cand = np.arange(len(pr))
        w = cap[cand] / cap[cand].sum()
        out[sel] = cand[rng.choice(len(cand), len(sel), p=w)]
    return out


def assign_practices(ref: RefData, pop: Population, reg: Register, seed: int) -> Registration:
    rng = np.random.default_rng([seed, 3])
    n = pop.n
    gem_of_buurt = ref.buurten.gemeentecode.to_numpy()
    home = np.where(pop.buurt >= 0, pop.buurt, 0)
    practice = _choose(rng, reg, ref, gem_of_buurt[home])
    pr = reg.practices
    # Small practices keep fewer than 100 patients; the others go to a practice nearby.
    for p in np.flatnonzero(pr.is_small.to_numpy()):
        members = np.flatnonzero(practice == p)
        limit = int(pr.capacity.iloc[p])
        if len(members) > limit:
            practice[members[limit:]] = (p + 1 + rng.integers(0, len(pr) - 1, len(members) - limit)) % len(pr)
    practice[(rng.random(n) < params.UNREGISTERED_SHARE) | (pop.buurt < 0)] = -1

    # Switchers: a quarter start in the window; movers to another gemeente re-register there.
    w0, years = day(pop.years[0]), len(pop.years)
    switch_date = np.full(n, FAR)
    after = practice.copy()
    sw = (rng.random(n) < params.PRACTICE_SWITCH_RATE * years) & (practice >= 0)
    q = rng.integers(1, 4 * years, n)
    switch_date[sw] = (w0.astype("datetime64[M]") + 3 * q[sw]).astype("datetime64[D]")
    after[sw] = _choose(rng, reg, ref, gem_of_buurt[home[sw]])
    moved = (pop.move_date < FAR) & (practice >= 0) & (pop.buurt_after_move >= 0)
    moved &= gem_of_buurt[np.maximum(pop.buurt_after_move, 0)] != gem_of_buurt[home]
    after[moved] = _choose(rng, reg, ref, gem_of_buurt[pop.buurt_after_move[moved]])
    next_q = pop.move_date[moved].astype("datetime64[M]")
    next_q = (next_q - (next_q.astype(int) % 3) + 3).astype("datetime64[D]")
    switch_date[moved] = next_q

    # A successor for each practice: the largest always-active practice in the same region.
    always = (pr.begindatum.to_numpy() <= w0) & (pr.einddatum.to_numpy() == FAR) & ~pr.is_small.to_numpy()
    successor = np.arange(len(pr))
    for p in range(len(pr)):
        same = np.flatnonzero(always & (pr.ggd_regio.to_numpy() == pr.ggd_regio.iloc[p]))
        same = same[same != p] if len(same) > 1 else np.flatnonzero(always)
        successor[p] = same[np.argmax(pr.capacity.to_numpy()[same])]
    return Registration(practice=practice, practice_after=after, switch_date=switch_date, successor=successor,
                        gp_slot=rng.integers(0, 1 << 30, n))


def practice_on(reg: Register, r: Registration, persons: np.ndarray, on: np.datetime64) -> np.ndarray:
    """Practice index of each person on a date (the successor while their practice is inactive)."""
    p = np.where(r.switch_date[persons] <= on, r.practice_after[persons], r.practice[persons])
    active = (reg.practices.begindatum.to_numpy() <= on) & (reg.practices.einddatum.to_numpy() >= on)
    ok = p >= 0
    p[ok] = np.where(active[p[ok]], p[ok], r.successor[p[ok]])
    return p


def gp_of(reg: Register, r: Registration, persons: np.ndarray, practice: np.ndarray) -> np.ndarray:
    """Index into reg.zorgverleners of the GP the patient is registered with at that practice."""
    out = np.full(len(persons), -1, dtype=np.int64)
    for p in np.unique(practice[practice >= 0]):
        sel = np.flatnonzero(practice == p)
        gps = reg.practice_gps[p]
        out[sel] = gps[r.gp_slot[persons[sel]] % len(gps)]
    return out
