"""Orchestrates a synthetic data set: population, register, then every source's deliveries."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from . import params
from .claims import block_claims, build_context
from .dates import day
from .population import generate_population
from .practices import assign_practices
from .providers import generate_register
from .refdata import RefData
from .sources import (ggz_wachttijden_month, jeugdwet_year, register_snapshot, verzekerden, wlz_month, wmo_year,
                      zorgkantoor_of)
from .writer import DeliveryWriter, write_delivery

BLOCK_PERSONS = 200_000  # persons per claim block: bounds memory at any scale


@dataclass
class GenerateConfig:
    scale: float
    years: list[int]
    seed: int
    out: Path
    fmt: str = "parquet"
    run_out_months: int = params.DELIVERY_MONTHS_AFTER_LAST_YEAR


def _stamp(d: np.datetime64, hour: str = "02:13:00+01:00") -> str:
    return f"{d}T{hour}"


def generate(cfg: GenerateConfig, progress: Callable[[str], None] = print) -> Counter:
    """Write every delivery under cfg.out; returns rows per source."""
    t0 = time.time()
    ref = RefData()
    rows: Counter = Counter()
    log = lambda msg: progress(f"[{time.time() - t0:6.1f}s] {msg}")  # noqa: E731
    pop = generate_population(ref, cfg.scale, cfg.years, cfg.seed)
    log(f"population: {pop.n:,} persons")
    insured = np.maximum(1, ref.gemeenten.verzekerdejaren.to_numpy() * cfg.scale)
    reg = generate_register(ref, cfg.scale, cfg.years, cfg.seed, insured)
    registration = assign_practices(ref, pop, reg, cfg.seed)
    log(f"register: {len(reg.practices):,} GP practices, {len(reg.zorgverleners):,} providers")
    last = cfg.years[-1]
    cutoff = day(last, 12, 31).astype("datetime64[M]") + cfg.run_out_months

    for y in cfg.years:
        snap = day(y, 12, 31)
        m = write_delivery(cfg.out, "agb_register", "VEKTIS", str(snap), _stamp(snap + 1), register_snapshot(reg, snap),
                           cfg.fmt)
        rows["agb_register"] += sum(f["rijen"] for f in m["bestanden"])

    uzovis = list(params.MARKET_SHARES)
    ctx = build_context(ref, pop, reg, registration, cfg.seed)
    for u, uzovi in enumerate(uzovis):
        writers: dict[np.datetime64, DeliveryWriter] = {}
        for j, y in enumerate(cfg.years):
            m = write_delivery(cfg.out, "zvw_verzekerden", uzovi, str(y), _stamp(day(y + 1, 1, 20)),
                               {"verzekerden": verzekerden(ref, pop, j, u, uzovi)}, cfg.fmt)
            rows["zvw_verzekerden"] += m["bestanden"][0]["rijen"]
            persons = np.flatnonzero(pop.insurer[:, j] == u)
            seq = 0
            for k, start in enumerate(range(0, len(persons), BLOCK_PERSONS)):
                rng = np.random.default_rng([cfg.seed, 5, u, y, k])
                table, months, seq = block_claims(ctx, persons[start:start + BLOCK_PERSONS], y, uzovi, seq, rng)
                order = np.argsort(months, kind="stable")
                months_sorted = months[order]
                bounds = np.flatnonzero(np.diff(months_sorted.astype(int))) + 1
                for part in np.split(np.arange(len(order)), bounds):
                    if not len(part):
                        continue
                    month = months_sorted[part[0]]
                    if month > cutoff:
                        continue  # processed after the data set's "today": not delivered yet
                    w = writers.get(month)
                    if w is None:
                        aangemaakt = _stamp((month + 1).astype("datetime64[D]") + 3)
                        w = writers[month] = DeliveryWriter(cfg.out, "zvw_declaraties", uzovi, str(month),
                                                            aangemaakt, cfg.fmt)
                    w.append("declaraties", table.take(order[part]))
                    rows["zvw_declaraties"] += len(part)
            log(f"claims {uzovi} {y}: {len(persons):,} insured")
        for w in writers.values():
            w.close()

    zk_map = zorgkantoor_of(ref)
    home = pop.buurt_on(day(cfg.years[-1], 7, 1))
    gem = np.where(home >= 0, ref.buurten.gemeentecode.to_numpy()[np.maximum(home, 0)], "")
    zk_of_person = np.array([zk_map.get(g, "") for g in gem])
    rng = np.random.default_rng([cfg.seed, 6])
    for month in np.arange(np.datetime64(f"{cfg.years[0]}-01"), np.datetime64(f"{last + 1}-01")):
        stamp = _stamp((month + 1).astype("datetime64[D]") + 9)
        for zk in sorted(set(zk_map.values())):
            m = write_delivery(cfg.out, "wlz_zorg", zk, str(month), stamp,
                               {"wlz_zorg": wlz_month(ref, pop, month, zk_of_person, zk)}, cfg.fmt)
            rows["wlz_zorg"] += m["bestanden"][0]["rijen"]
        for agb, table in ggz_wachttijden_month(ref, reg, month, rng, cfg.seed).items():
            write_delivery(cfg.out, "ggz_wachttijden", agb, str(month), stamp, {"ggz_wachttijden": table}, cfg.fmt)
            rows["ggz_wachttijden"] += table.num_rows
    for y in cfg.years:
        stamp = _stamp(day(y + 1, 3, 1))
        table = wmo_year(ref, pop, y, rng)
        write_delivery(cfg.out, "wmo_voorzieningen", "CBS", str(y), stamp, {"wmo_voorzieningen": table}, cfg.fmt)
        rows["wmo_voorzieningen"] += table.num_rows
        for gm, table in jeugdwet_year(ref, pop, y, rng).items():
            write_delivery(cfg.out, "jeugdwet_trajecten", gm, str(y), stamp, {"jeugdwet_trajecten": table}, cfg.fmt)
            rows["jeugdwet_trajecten"] += table.num_rows
    log("other sources written")
    return rows
