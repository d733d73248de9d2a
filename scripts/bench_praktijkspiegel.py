"""Benchmark of `zorgspiegel praktijkspiegel --alle`: render every eligible practice of a warehouse
(HTML and PDF) and print the practices per second and the total wall time.

Target (issue 5): all practices at scale 0.01 (~50 practices) in minutes, not hours.
Usage:
  python scripts/bench_praktijkspiegel.py --db build/zorgspiegel.duckdb [--jaar 2023] [--workers 2]
  python scripts/bench_praktijkspiegel.py --voorbeeld 50     # a stand-in warehouse of made-up practices
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from zorgspiegel.praktijkspiegel import batch, data, voorbeeld


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    bron = parser.add_mutually_exclusive_group(required=True)
    bron.add_argument("--db", type=Path, help="warehouse DuckDB file with the praktijkspiegel marts")
    bron.add_argument("--voorbeeld", type=int, metavar="N", help="build a stand-in warehouse with N practices")
    parser.add_argument("--jaar", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--out", type=Path, default=None, help="output folder [default: a temporary one]")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if args.voorbeeld:
            db = Path(tmp) / "voorbeeld.duckdb"
            voorbeeld.write(db, args.voorbeeld, list(range(2019, 2024)))
        out = args.out or Path(tmp) / "spiegels"
        con = data.connect(db)
        try:
            jaar = data.resolve_jaar(con, args.jaar)
            praktijken = [agb for agb, _ in data.eligible_practices(con, jaar)]
        finally:
            con.close()
        t0 = time.time()
        results = list(batch.render_many(db, jaar, praktijken, out, pdf=not args.no_pdf, workers=args.workers))
        wall = time.time() - t0
    failed = [r for r in results if "fout" in r]
    print(json.dumps({"db": str(args.db or f"voorbeeld:{args.voorbeeld}"), "jaar": jaar,
                      "practices": len(praktijken), "failed": len(failed), "workers": args.workers,
                      "pdf": not args.no_pdf, "wall_s": round(wall, 1),
                      "practices_per_s": round(len(praktijken) / wall, 2) if wall else None}))
    for r in failed:
        print(f"failed {r['agb']}: {r['fout']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
