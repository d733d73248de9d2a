"""A growing set of claim lines held as numpy columns, with codes as indices into one string table."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

COLUMNS = {"person": np.int64, "stroom": np.int16, "code": np.int32, "atc": np.int32, "ddd": np.float64,
           "dx": np.int32, "begin": "datetime64[D]", "end": "datetime64[D]", "aantal": np.int64,
           "bedrag": np.float64, "declarant": np.int32, "zorgverlener": np.int32}


class StringTable:
    """Interns strings (codes, AGB numbers) so claim columns stay small integer arrays."""

    def __init__(self):
        self._index: dict[str, int] = {}
        self.values: list[str] = []

    def ids(self, values) -> np.ndarray:
        """Index of each value; None (an unknown code) gives -1, which becomes null."""
        out = np.empty(len(values), dtype=np.int32)
        for i, v in enumerate(values):
            if v is None:
                out[i] = -1
                continue
            j = self._index.get(v)
            if j is None:
                j = self._index[v] = len(self.values)
                self.values.append(v)
            out[i] = j
        return out

    def id(self, value: str) -> int:
        return int(self.ids([value])[0])

    def arrow(self, idx: np.ndarray) -> pa.Array:
        return pa.array(self.values, pa.string()).take(pa.array(idx, mask=idx < 0))


class Lines:
    def __init__(self):
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, person, stroom, code, begin, end, aantal, bedrag, declarant, zorgverlener=-1, atc=-1,
            ddd=np.nan, dx=-1) -> None:
        person = np.asarray(person, dtype=np.int64)
        n = len(person)
        if n == 0:
            return
        values = dict(person=person, stroom=stroom, code=code, atc=atc, ddd=ddd, dx=dx, begin=begin, end=end,
                      aantal=aantal, bedrag=bedrag, declarant=declarant, zorgverlener=zorgverlener)
        self.parts.append({k: np.broadcast_to(np.asarray(v, dtype=COLUMNS[k]), (n,)).copy()
                           for k, v in values.items()})

    def collect(self) -> dict[str, np.ndarray]:
        if not self.parts:
            return {k: np.empty(0, dtype=t) for k, t in COLUMNS.items()}
        return {k: np.concatenate([p[k] for p in self.parts]) for k in COLUMNS}
