"""Synthetic delivery generator: writes the seven sources of the delivery spec, calibrated to
real public figures (Vektis Zvw 2023, CBS), deterministic for a given seed."""
