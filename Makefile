# Two commands on a fresh machine:  make demo  (the main job end to end)  and  make test.
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := False
export GX_ANALYTICS_ENABLED := false

DEMO_SCALE ?= 0.001
# Two years, claims delivered up to six months after the last: the latest year is complete for GP
# care (typical lag 3 months, seed declaratievertraging) and pharmacy (2), not yet for hospital care (12).
DEMO_YEARS ?= 2022-2023
DEMO_RUN_OUT_MONTHS ?= 6
DATA ?= build/deliveries

.PHONY: venv browser demo test lint seeds bench bench-generate bench-praktijkspiegel spark spark-test clean

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q uv==0.13.9
	$(BIN)/uv pip install --python $(PY) -q -r requirements.txt
	$(BIN)/uv pip install --python $(PY) -q --no-deps -e .
	touch $@

venv: $(VENV)/.installed

## browser: headless Chromium (Debian package) for the Praktijkspiegel PDF and its tests; installed
## only when missing. Playwright drives it; it never downloads a browser of its own.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core; }
	@test -x $(CHROMIUM) && echo "chromium: $(CHROMIUM)"

## demo: create the environment, generate a small synthetic data set (and the fault catalogue),
## check its calibration, then the main job: ingest every delivery, dbt build, dbt docs; then
## render every eligible practice's Praktijkspiegel.
demo: venv browser
	rm -rf $(DATA) build/faults build/gx build/zorgspiegel.duckdb
	$(BIN)/zorgspiegel generate --scale $(DEMO_SCALE) --years $(DEMO_YEARS) --run-out-months $(DEMO_RUN_OUT_MONTHS) \
		--seed 1 --out $(DATA) --faults
	$(BIN)/zorgspiegel calibrate --data $(DATA) --jaar 2023
	$(BIN)/zorgspiegel run --out $(DATA) --db build/zorgspiegel.duckdb
	ZORGSPIEGEL_DUCKDB=build/zorgspiegel.duckdb $(BIN)/zorgspiegel praktijkspiegel --alle --out build/praktijkspiegel
	@echo "Published for BI tools (docs/bi.md): build/serving/zorgspiegel.duckdb -> build/serving/$$(readlink build/serving/current)"

## test: the whole test suite: pytest; the main job on a tiny data set in a scratch warehouse, so
## dbt builds every model and runs every data test on ingested deliveries; sqlfluff.
test: venv browser
	$(BIN)/pytest || [ $$? -eq 5 ]
	rm -rf build/test
	$(BIN)/zorgspiegel run --scale 0.0005 --years 2022-2023 --seed 3 --out build/test/deliveries \
		--db build/test/warehouse.duckdb --no-docs
	$(MAKE) lint

lint: venv
	$(BIN)/sqlfluff lint models macros tests analyses

## seeds: rebuild seeds/reference from ../shared/reference (the output is committed).
seeds: venv
	$(BIN)/zorgspiegel seeds build

## bench: the warehouse at scale (docs/scale.md): ingest, full dbt build, one extra monthly
## delivery built incrementally, and the lower bound (one scan of the raw claims); prints wall
## seconds and peak memory per step and writes build/bench/bench-<scale>-<time>.json.
BENCH_SCALE ?= 0.01
BENCH_YEARS ?= 2023
bench: venv
	$(BIN)/zorgspiegel bench --scale $(BENCH_SCALE) --years $(BENCH_YEARS)

## bench-generate: generator speed targets (scale 0.01 x 5 years; scale 0.1 x 1 year).
bench-generate: venv
	$(PY) scripts/bench_generate.py

## bench-praktijkspiegel: render every eligible practice of a warehouse (DB=...; default a stand-in
## warehouse of 50 made-up practices) and print practices per second and the wall time.
bench-praktijkspiegel: venv browser
	$(PY) scripts/bench_praktijkspiegel.py $(if $(DB),--db $(DB),--voorbeeld 50)

## spark: the Spark engine as an extra (dbt-spark, pyspark; needs Java 17), on top of the venv.
$(VENV)/.spark-installed: requirements-spark.txt $(VENV)/.installed
	$(BIN)/uv pip install --python $(PY) -q -r requirements-spark.txt
	touch $@

spark: $(VENV)/.spark-installed

## spark-test: build the project on Spark for a tiny data set and compare every mart with DuckDB.
spark-test: spark
	SPARK_LOCAL_IP=127.0.0.1 $(BIN)/pytest -m spark tests/python/test_spark_parity.py

clean:
	rm -rf build target logs
