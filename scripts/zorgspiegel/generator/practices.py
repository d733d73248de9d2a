"""Which GP practice each person is registered with, per quarter.

Persons choose a practice near home (same gemeente, else GGD region, else province), in
proportion to practice size. Small practices stay below 100 patients. Patients of a practice
that is not (yet or any more) active are registered with its successor; some patients switch
practice at a quarter start, and movers to another gemeente re-register near their new home.
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


def active_on(reg: Register, on: np.datetime64) -> np.ndarray:
    pr = reg.practices
    return (pr.begindatum.to_numpy() <= on) & (pr.einddatum.to_numpy() >= on)


def _choose(rng, reg: Register, ref: RefData, gem_codes: np.ndarray) -> np.ndarray:
    """A practice for each person near their gemeente, weighted by size; small ones rarely."""
    pr = reg.practices
    g = ref.gemeenten.set_index("gemeentecode")
    cap = np.where(pr.is_small, 1.0, pr.capacity.to_numpy())
    out = np.full(len(gem_codes), -1, dtype=np.int64)
    for code in np.unique(gem_codes):
        sel = np.flatnonzero(gem_codes == code)
        cand = np.arange(len(pr))
        for col, value in (("gemeentecode", code), ("ggd_regio", g.at[code, "ggd_regio"]),
                           ("provincie", g.at[code, "provincie"])):
            near = np.flatnonzero(pr[col].to_numpy() == value)
            if len(near):
                cand = near
                break
        out[sel] = cand[rng.choice(len(cand), len(sel), p=cap[cand] / cap[cand].sum())]
    return out


def assign_practices(ref: RefData, pop: Population, reg: Register, seed: int) -> Registration:
    rng = np.random.default_rng([seed, 3])
    n, pr = pop.n, reg.practices
    gem_of_buurt = ref.buurten.gemeentecode.to_numpy()
    home = np.where(pop.buurt >= 0, pop.buurt, 0)
    practice = _choose(rng, reg, ref, gem_of_buurt[home])
    practice[(rng.random(n) < params.UNREGISTERED_SHARE) | (pop.buurt < 0)] = -1

    # Switchers at a quarter start in the window; movers to another gemeente re-register there.
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
    first_of_month = pop.move_date[moved].astype("datetime64[M]")
    switch_date[moved] = (first_of_month - first_of_month.astype(int) % 3 + 3).astype("datetime64[D]")

    _cap_small_practices(rng, pr, practice, after)
    return Registration(practice=practice, practice_after=after, switch_date=switch_date,
                        successor=_successors(pr, w0), gp_slot=rng.integers(0, 1 << 30, n))


def _cap_small_practices(rng, pr, practice: np.ndarray, after: np.ndarray) -> None:
    """Keep small practices below their size (< 100): the surplus goes to a normal practice."""
    normal = np.flatnonzero(~pr.is_small.to_numpy())
    for p in np.flatnonzero(pr.is_small.to_numpy()):
        members = np.flatnonzero((practice == p) | (after == p))
        surplus = members[int(pr.capacity.iloc[p]):]
        moved_to = normal[rng.integers(0, len(normal), len(surplus))]
        practice[surplus] = np.where(practice[surplus] == p, moved_to, practice[surplus])
        after[surplus] = np.where(after[surplus] == p, moved_to, after[surplus])


def _successors(pr, w0) -> np.ndarray:
    """Per practice: the largest other always-active normal practice in its GGD region (else anywhere)."""
    always = (pr.begindatum.to_numpy() <= w0) & (pr.einddatum.to_numpy() == FAR) & ~pr.is_small.to_numpy()
    cap = pr.capacity.to_numpy()
    out = np.empty(len(pr), dtype=np.int64)
    for p in range(len(pr)):
        cand = np.flatnonzero(always & (pr.ggd_regio.to_numpy() == pr.ggd_regio.iloc[p]))
        cand = cand[cand != p]
        if not len(cand):
            cand = np.flatnonzero(always)
            cand = cand[cand != p]
        out[p] = cand[np.argmax(cap[cand])]
    return out


def practice_on(reg: Register, r: Registration, persons: np.ndarray, on: np.datetime64) -> np.ndarray:
    """Practice index of each person on a date (the successor while their practice is inactive)."""
    p = np.where(r.switch_date[persons] <= on, r.practice_after[persons], r.practice[persons])
    ok = p >= 0
    p[ok] = np.where(active_on(reg, on)[p[ok]], p[ok], r.successor[p[ok]])
    return p


def gp_of(reg: Register, r: Registration, persons: np.ndarray, practice: np.ndarray,
          on: np.datetime64) -> np.ndarray:
    """AGB code of the GP each patient is registered with at that practice on a date.

    The same patient keeps the same GP while the practice's GP list does not change. A
    practice without a GP that day (rare) falls back to any active GP."""
    lists = reg.practice_gps(on)
    anyone = reg.performers("0101", int(str(on)[:4]))
    out = np.empty(len(persons), dtype=object)
    for p in np.unique(practice):
        sel = np.flatnonzero(practice == p)
        gps = lists[p] if len(lists[p]) else anyone
        if len(gps):  # else no GP is known: zorgverlener_agb stays null
            out[sel] = gps[r.gp_slot[persons[sel]] % len(gps)]
    return out
