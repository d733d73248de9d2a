"""Plausibility of the Gemeentezorgspiegel against the real Vektis Zvw 2023 costs per gemeente.

Compares the Zvw costs per inhabitant per gemeente in mart marts.gemeentezorgspiegel__zorggebruik
(domein zvw, categorie '(totaal)', niveau gemeente, published cells only) with the Vektis open data
(seed seeds/reference/vektis_zvw_gemeente_zorgcategorie.csv: kosten_eur summed over the care
categories / verzekerdejaren of the gemeente), and the national costs per inhabitant per care
category (the mart's nl rows per zorgstroom, grouped by the zorgcategorie of seed zorgstromen).
Prints the median and maximum absolute deviation in percent, the mean deviation (level) and the
Pearson correlation over the gemeenten. Costs per inhabitant do not depend on the scale of the data
set, so a synthetic set of any scale can be compared directly; small scales are noisy per gemeente
and the last year of a data set lacks the claims processed after its run-out months.

Usage: python scripts/plausibility_gemeentezorgspiegel.py [--db FILE] [--jaar 2023]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def _stats(pairs: list[tuple[float, float]]) -> dict[str, float]:
    """Deviation of the mart (first) from Vektis (second), in percent, and the correlation."""
    afw = sorted(abs(m / v - 1) * 100 for m, v in pairs)
    n = len(pairs)
    mediaan = afw[n // 2] if n % 2 else (afw[n // 2 - 1] + afw[n // 2]) / 2
    gem = sum((m / v - 1) * 100 for m, v in pairs) / n
    mx, vx = (sum(p[0] for p in pairs) / n), (sum(p[1] for p in pairs) / n)
    cov = sum((m - mx) * (v - vx) for m, v in pairs)
    sm = sum((m - mx) ** 2 for m, _ in pairs) ** 0.5
    sv = sum((v - vx) ** 2 for _, v in pairs) ** 0.5
    return {"n": n, "mediaan_abs_pct": mediaan, "max_abs_pct": afw[-1], "gemiddeld_pct": gem,
            "correlatie": cov / (sm * sv) if sm and sv else float("nan")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path,
                        default=Path(os.environ.get("ZORGSPIEGEL_DUCKDB", REPO / "build" / "zorgspiegel.duckdb")))
    parser.add_argument("--jaar", type=int, default=2023)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"warehouse {args.db} does not exist", file=sys.stderr)
        return 2
    con = duckdb.connect(str(args.db), read_only=True)
    vektis = f"read_csv('{SEEDS / 'reference' / 'vektis_zvw_gemeente_zorgcategorie.csv'}', header=true)"
    stromen = f"read_csv('{SEEDS / 'domain' / 'zorgstromen.csv'}', header=true)"
    gemeenten = con.execute(f"""
        with vektis as (
            select gemeentecode, sum(kosten_eur) / max(verzekerdejaren) as kosten_per_verzekerdejaar
            from {vektis} where jaar = 2023 group by gemeentecode
        )
        select m.gemeentecode, cast(m.kosten_per_inwoner as double), v.kosten_per_verzekerdejaar, m.aantal_personen
        from marts.gemeentezorgspiegel__zorggebruik as m
        inner join vektis as v on m.gemeentecode = v.gemeentecode
        where m.jaar = ? and m.niveau = 'gemeente' and m.domein = 'zvw' and m.categorie = '(totaal)'
          and not m.is_onderdrukt
        order by m.gemeentecode""", [args.jaar]).fetchall()
    totaal = con.execute("""
        select count(*), sum(case when is_onderdrukt then 1 else 0 end)
        from marts.gemeentezorgspiegel__zorggebruik
        where jaar = ? and niveau = 'gemeente' and domein = 'zvw' and categorie = '(totaal)'""", [args.jaar]).fetchone()
    categorieen = con.execute(f"""
        with vektis as (
            select zorgcategorie, sum(kosten_eur) / sum(verzekerdejaren) as kosten_per_verzekerdejaar
            from {vektis} where jaar = 2023 group by zorgcategorie
        ),
        mart as (
            select s.zorgcategorie, sum(m.kosten) / max(m.inwoners) as kosten_per_inwoner
            from marts.gemeentezorgspiegel__zorggebruik as m
            inner join {stromen} as s on m.categorie = s.zorgstroom
            where m.jaar = ? and m.niveau = 'nl' and m.domein = 'zvw' and not m.is_onderdrukt
            group by s.zorgcategorie
        )
        select v.zorgcategorie, cast(m.kosten_per_inwoner as double), v.kosten_per_verzekerdejaar
        from vektis as v left join mart as m on v.zorgcategorie = m.zorgcategorie
        order by v.kosten_per_verzekerdejaar desc""", [args.jaar]).fetchall()
    nationaal = con.execute(f"""
        select cast(m.kosten_per_inwoner as double), m.inwoners,
               (select sum(kosten_eur) / sum(verzekerdejaren) * count(distinct zorgcategorie) from {vektis})
        from marts.gemeentezorgspiegel__zorggebruik as m
        where m.jaar = ? and m.niveau = 'nl' and m.domein = 'zvw' and m.categorie = '(totaal)'""",
                            [args.jaar]).fetchone()
    con.close()

    print(f"Gemeentezorgspiegel vs Vektis Zvw 2023 - {args.db}, jaar {args.jaar}")
    if nationaal:
        m, inw, v = nationaal
        print(f"  national Zvw costs per inhabitant: mart {m:,.2f} ({inw:,} inhabitants) vs Vektis {v:,.2f} "
              f"per insured year: {(m / v - 1) * 100:+.1f} %")
    print(f"  gemeenten: {len(gemeenten)} published of {totaal[0]} ({totaal[1]} suppressed)")
    if len(gemeenten) >= 2:
        s = _stats([(g[1], g[2]) for g in gemeenten])
        print(f"  per gemeente, costs per inhabitant: median |deviation| {s['mediaan_abs_pct']:.1f} %, "
              f"max {s['max_abs_pct']:.1f} %, mean deviation {s['gemiddeld_pct']:+.1f} %, "
              f"correlation {s['correlatie']:.3f} (n = {s['n']})")
    print("  national costs per inhabitant per care category (mart vs Vektis):")
    for cat, m, v in categorieen:
        afw = f"{(m / v - 1) * 100:+6.1f} %" if m is not None else "   (suppressed or no claims)"
        print(f"    {cat:<45} {m if m is not None else float('nan'):>10,.2f} {v:>10,.2f}  {afw}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
