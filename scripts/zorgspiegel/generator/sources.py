"""The non-claim sources: verzekerden, AGB register snapshots, Wlz, Wmo, Jeugdwet, GGZ waiting times."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ..spec import to_table
from .dates import FAR, age_on, day, uniform_dates
from .population import WLZ_VORMEN, Population
from .providers import Register
from .refdata import RefData


def _nullable_dates(d: np.ndarray) -> pa.Array:
    return pa.array(d.astype("datetime64[D]"), mask=d >= FAR)


def verzekerden(ref: RefData, pop: Population, j: int, u: int, uzovi: str) -> pa.Table:
    """Coverage periods of insurer u overlapping year j, as known when delivered in January after it."""
    y = pop.years[j]
    y0, y1 = day(y), day(y, 12, 31)
    persons = np.flatnonzero(pop.insurer[:, j] == u)
    ins = pop.insurer[persons]
    # Start of the uninterrupted run with this insurer that includes year j.
    run_start_j = np.full(len(persons), j)
    for k in range(j - 1, -1, -1):
        same = (ins[:, k] == u) & (run_start_j == k + 1)
        run_start_j[same] = k
    begin = np.where(run_start_j == 0, pop.start[persons],
                     np.array([day(x) for x in pop.years])[run_start_j])
    begin = np.maximum(begin, pop.start[persons])
    leaves = (ins[:, j + 1] != u) if j + 1 < len(pop.years) else np.zeros(len(persons), bool)
    end = np.where(pop.end[persons] <= y1, pop.end[persons], np.where(leaves, y1, FAR))
    move = pop.move_date[persons]
    split = (move > begin) & (move <= np.minimum(end, y1))
    buurt_codes = ref.buurten.buurtcode.to_numpy()

    def code(b):
        return pa.array(np.where(b >= 0, buurt_codes[np.maximum(b, 0)], ""), mask=b < 0)

    old_b = np.where(move <= begin, pop.buurt_after_move[persons], pop.buurt[persons])
    rows = {  # the period before a move (or the only period)
        "idx": persons, "begin": begin, "end": np.where(split, move - 1, end), "buurt": old_b}
    after = {"idx": persons[split], "begin": move[split], "end": end[split],
             "buurt": pop.buurt_after_move[persons[split]]}
    keep = rows["end"] >= y0
    idx = np.concatenate([rows["idx"][keep], after["idx"]])
    order = np.argsort(idx, kind="stable")
    col = lambda k: np.concatenate([rows[k][keep], after[k]])[order]  # noqa: E731
    idx = idx[order]
    return to_table("zvw_verzekerden", "verzekerden", {
        "persoon_id": pop.persoon_id.take(pa.array(idx)), "uzovi": pa.array(np.full(len(idx), uzovi)),
        "geboortedatum": pop.birth[idx], "geslacht": pa.array(np.array(["M", "V", "O"])[pop.sex[idx]]),
        "buurtcode": code(col("buurt")), "begindatum": col("begin"), "einddatum": _nullable_dates(col("end")),
    })


def register_snapshot(reg: Register, snapshot: np.datetime64) -> dict[str, pa.Table]:
    """The full register as known on the snapshot date: later starts absent, later ends open."""
    def cut(df: pd.DataFrame, cols: list[str]) -> dict:
        d = df[df.begindatum.to_numpy() <= snapshot]
        out = {c: d[c].to_numpy() for c in cols}
        end = d.einddatum.to_numpy()
        out["einddatum"] = _nullable_dates(np.where(end > snapshot, FAR, end))
        out["begindatum"] = d.begindatum.to_numpy()
        return out

    t = {}
    t["zorgverleners"] = cut(reg.zorgverleners, ["zorgverlener_agb", "geboortedatum", "geslacht"])
    t["ondernemingen"] = cut(reg.ondernemingen, ["onderneming_agb", "naam", "kvk_nummer"])
    t["vestigingen"] = cut(reg.vestigingen, ["vestiging_agb", "onderneming_agb", "naam", "postcode", "gemeentecode"])
    t["werkrelaties"] = cut(reg.werkrelaties, ["zorgverlener_agb", "vestiging_agb"])
    t["kwalificaties"] = cut(reg.kwalificaties, ["agb_code", "entiteit", "kwalificatiecode"])
    return {name: to_table("agb_register", name, cols) for name, cols in t.items()}


def zorgkantoor_of(ref: RefData) -> dict[str, str]:
    """Zorgkantoor per gemeente. Synthetic: one per GGD region (the real 31 regions differ)."""
    regions = sorted(ref.gemeenten.ggd_regio.unique())
    code = {r: f"ZK{i + 1:02d}" for i, r in enumerate(regions)}
    return dict(zip(ref.gemeenten.gemeentecode, ref.gemeenten.ggd_regio.map(code)))


def wlz_month(ref: RefData, pop: Population, month: np.datetime64, zk_of_person: np.ndarray, zk: str) -> pa.Table:
    m0 = month.astype("datetime64[D]")
    m1 = (month + 1).astype("datetime64[D]") - 1
    prof = ref.seed("wlz_zorgprofielen").zorgprofiel.to_numpy()
    sel = np.flatnonzero((pop.wlz_profiel >= 0) & (pop.wlz_start <= m1) & (pop.end >= m0) & (pop.start <= m1)
                         & (zk_of_person == zk))
    days = (np.minimum(pop.end[sel], m1) - np.maximum(pop.wlz_start[sel], m0)).astype(int) + 1
    inst = pop.wlz_vorm[sel] == 0
    daily = np.where(inst, np.where(pop.wlz_behandeling[sel], 310.0, 255.0), 140.0)
    end = np.where(pop.end[sel] <= m1, pop.end[sel], FAR)
    return to_table("wlz_zorg", "wlz_zorg", {
        "persoon_id": pop.persoon_id.take(pa.array(sel)),
        "leveringsvorm": pa.array(np.array(WLZ_VORMEN)[pop.wlz_vorm[sel]]),
        "met_behandeling": pa.array(pop.wlz_behandeling[sel]), "zorgprofiel": pa.array(prof[pop.wlz_profiel[sel]]),
        "begindatum": pop.wlz_start[sel], "einddatum": _nullable_dates(end),
        "kosten": pa.array(np.round(days * daily, 2)),
    })


def _gemeente_on(ref: RefData, pop: Population, on) -> np.ndarray:
    b = pop.buurt_on(on)
    return np.where(b >= 0, ref.buurten.gemeentecode.to_numpy()[np.maximum(b, 0)], "")


def wmo_year(ref: RefData, pop: Population, y: int, rng) -> pa.Table:
    """Wmo: about 7 % of inhabitants, much more among the old and people with dementia."""
    on = day(y, 7, 1)
    alive = pop.insured_on(on) & (pop.buurt_on(on) >= 0)
    age = age_on(pop.birth, on)
    p = np.clip(0.02 + 0.004 * np.maximum(age - 50, 0) + 0.3 * pop.dementia, 0, 0.8)
    users = np.flatnonzero(alive & (rng.random(pop.n) < p))
    kinds = ref.seed("wmo_voorzieningen").voorziening.to_numpy()
    k = rng.integers(1, 3, len(users))
    idx = np.repeat(users, k)
    v = kinds[rng.choice(len(kinds), len(idx), p=[0.3, 0.2, 0.1, 0.03, 0.2, 0.07, 0.06, 0.02, 0.02])]
    begin = uniform_dates(rng, day(y - 3), day(y, 12, 31), len(idx))
    end = np.where(rng.random(len(idx)) < 0.3, uniform_dates(rng, np.maximum(begin, day(y)), day(y, 12, 31)), FAR)
    kosten = np.round(rng.gamma(1.5, 2400 / 1.5, len(idx)), 2)
    return to_table("wmo_voorzieningen", "wmo_voorzieningen", {
        "persoon_id": pop.persoon_id.take(pa.array(idx)), "gemeentecode": _gemeente_on(ref, pop, on)[idx],
        "voorziening": v, "begindatum": begin, "einddatum": _nullable_dates(end),
        "kosten": pa.array(kosten, mask=rng.random(len(idx)) < 0.25),  # CBS: costs often unknown
    })


def jeugdwet_year(ref: RefData, pop: Population, y: int, rng) -> dict[str, pa.Table]:
    """Jeugdwet trajectories per gemeente (about 10 % of children a year), keyed by gemeentecode."""
    on = day(y, 7, 1)
    age = age_on(pop.birth, on)
    young = pop.insured_on(on) & (pop.buurt_on(on) >= 0) & (age >= 0) & (age < 23)
    p = np.where(age < 18, 0.10, 0.03)
    users = np.flatnonzero(young & (rng.random(pop.n) < p))
    gem = _gemeente_on(ref, pop, on)[users]
    kinds = ref.seed("jeugdhulpvormen").hulpvorm.to_numpy()
    v = kinds[rng.choice(len(kinds), len(users), p=[0.45, 0.2, 0.06, 0.08, 0.03, 0.06, 0.08, 0.04])]
    begin = uniform_dates(rng, day(y - 1), day(y, 12, 31), len(users))
    end = np.where(rng.random(len(users)) < 0.5, uniform_dates(rng, np.maximum(begin, day(y)), day(y, 12, 31)), FAR)
    heavy = np.isin(v, ["residentieel", "gezinshuis", "pleegzorg"])
    kosten = np.round(rng.gamma(1.2, np.where(heavy, 30000, 4000) / 1.2), 2)
    out = {}
    for code in np.unique(gem):
        s = gem == code
        out[code] = to_table("jeugdwet_trajecten", "jeugdwet_trajecten", {
            "persoon_id": pop.persoon_id.take(pa.array(users[s])), "gemeentecode": gem[s], "hulpvorm": v[s],
            "begindatum": begin[s], "einddatum": _nullable_dates(end[s]), "kosten": kosten[s]})
    return out


def ggz_wachttijden_month(ref: RefData, reg: Register, month: np.datetime64, rng, seed: int) -> dict[str, pa.Table]:
    """Per GGZ provider: waiting times per vestiging and diagnosis group on the last day of the month."""
    peil = (month + 1).astype("datetime64[D]") - 1
    dx = ref.seed("ggz_diagnosegroepen").diagnosegroep.to_numpy()
    out = {}
    for i, (agb, vagb) in enumerate(zip(reg.ggz_aanbieders, reg.ggz_vestigingen)):
        # Each provider offers fixed diagnosis groups and has its own pace, month after month.
        offered = dx[np.random.default_rng([seed, 7, i]).random(len(dx)) < 0.6]
        base = 1.0 + 0.5 * np.random.default_rng([seed, 8, i]).random()  # some providers are slower
        aanmeld = np.maximum(1, rng.gamma(2.0, 17 * base, len(offered))).astype(np.int64)
        behandel = np.maximum(1, rng.gamma(2.0, 30 * base, len(offered))).astype(np.int64)
        out[agb] = to_table("ggz_wachttijden", "ggz_wachttijden", {
            "aanbieder_agb": np.full(len(offered), agb), "vestiging_agb": np.full(len(offered), vagb),
            "peildatum": np.full(len(offered), peil), "diagnosegroep": offered,
            "aanmeldwachttijd_dagen": aanmeld, "behandelwachttijd_dagen": behandel})
    return out
