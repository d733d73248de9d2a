"""Ingest of deliveries: manifest and schema checks, Great Expectations validation, quarantine,
the append-only raw layer and the delivery log, one transaction per delivery."""
