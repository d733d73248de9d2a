"""Vectorised date helpers on numpy datetime64[D] arrays."""
from __future__ import annotations

import numpy as np

FAR = np.datetime64("2200-01-01")  # "open end": later than any generated date


def day(y: int, m: int = 1, d: int = 1) -> np.datetime64:
    return np.datetime64(f"{y:04d}-{m:02d}-{d:02d}")


def ymd(dates: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    months = dates.astype("datetime64[M]")
    years = months.astype("datetime64[Y]").astype(int) + 1970
    return years, months.astype(int) % 12 + 1, (dates - months).astype(int) + 1


def age_on(birth: np.ndarray, on: np.datetime64 | np.ndarray) -> np.ndarray:
    """Exact age in whole years on a date (also for birthdays on 29 February)."""
    by, bm, bd = ymd(birth)
    oy, om, od = ymd(np.asarray(on, dtype="datetime64[D]"))
    before_birthday = (om < bm) | ((om == bm) & (od < bd))
    return (oy - by - before_birthday).astype(np.int32)


def age_class(age: np.ndarray) -> np.ndarray:
    """Index 0..18 of the five-year class (0-4 ... 90+)."""
    return np.clip(age // 5, 0, 18).astype(np.int8)


def quarter_start(y: int, q: int) -> np.datetime64:
    return day(y, 3 * q + 1, 1)


def uniform_dates(rng: np.random.Generator, lo, hi, n: int | None = None) -> np.ndarray:
    """Uniform dates in [lo, hi] (inclusive); lo/hi scalars or arrays."""
    lo = np.asarray(lo, dtype="datetime64[D]")
    hi = np.asarray(hi, dtype="datetime64[D]")
    span = (hi - lo).astype(np.int64) + 1
    size = n if n is not None else np.broadcast(lo, hi).shape
    return lo + (rng.random(size) * np.maximum(span, 1)).astype(np.int64)
