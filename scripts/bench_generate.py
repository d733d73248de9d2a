"""Benchmark of the synthetic generator against its targets on this 2-core machine.

Targets (issue 2): scale 0.01 for 5 years in under 2 minutes; scale 0.1 for one year in
under 10 minutes. Prints wall time, peak memory (RSS of the child process) and rows/s.
Usage: python scripts/bench_generate.py [--only small|large]
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {"small": (0.01, "2019-2023", 120), "large": (0.1, "2023", 600)}


def run(name: str, scale: float, years: str, target_s: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "deliveries"
        t0 = time.time()
        proc = subprocess.run([sys.executable, "-m", "zorgspiegel.cli", "generate", "--scale", str(scale),
                               "--years", years, "--seed", "1", "--out", str(out)],
                              capture_output=True, text=True, check=True)
        wall = time.time() - t0
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = next(int(line.split()[1].replace(",", "")) for line in proc.stdout.splitlines()
                 if line.strip().startswith("total"))
    result = {"case": name, "scale": scale, "years": years, "wall_s": round(wall, 1), "target_s": target_s,
              "met": wall < target_s, "peak_rss_mb": round(peak_mb), "rows": total,
              "rows_per_s": round(total / wall), "output_mb": round(size / 2**20)}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    only = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--only" else None
    results = [run(k, *v) for k, v in CASES.items() if only in (None, k)]
    sys.exit(0 if all(r["met"] for r in results) else 1)
