# plan-miner: two commands on a fresh Debian machine: `make run`, `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core hunspell-vi qpdf \
	libreoffice-calc-nogui libreoffice-writer-nogui
# For the tests only: the report's browser test renders pages in headless Chromium.
TEST_APT_PACKAGES := chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup system test-system run test eval bench bench-scale lint notebooks clean

setup: system $(STAMP)

# Debian packages: installed only when something is missing, so the target is idempotent.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "apt-get install$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

system:
	$(call apt_install,$(APT_PACKAGES))

test-system:
	$(call apt_install,$(TEST_APT_PACKAGES))

$(STAMP): pyproject.toml
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,eval]'
	touch $(STAMP)

run: setup
	$(VENV)/bin/plans run data/raw --out data/processed

test: setup test-system
	$(PY) -m pytest

# Four sets apart: real documents of ../shared/corpus (gold in tests/data/real), fresh real ones
# annotated after the rules were written (tests/data/holdout), the samples (after
# `make run`) and the in-house extra plans in tests/data/extra; then OCR per kind of scan.
eval: run
	@echo "=== real documents (tests/data/real) ==="
	$(PY) -m pipeline.evaluation.score --inputs --gold tests/data/real | \
		xargs -d '\n' $(VENV)/bin/plans run --out build/eval-real --no-progress
	$(PY) -m pipeline.evaluation.score build/eval-real --gold tests/data/real
	@echo "=== fresh real documents, annotated after the rules were written (tests/data/holdout) ==="
	$(PY) -m pipeline.evaluation.score --inputs --gold tests/data/holdout | \
		xargs -d '\n' $(VENV)/bin/plans run --out build/eval-holdout --no-progress
	$(PY) -m pipeline.evaluation.score build/eval-holdout --gold tests/data/holdout
	@echo "=== samples (tests/data/gold) ==="
	$(PY) -m pipeline.evaluation.score data/processed --gold tests/data/gold
	@echo "=== in-house extra plans (tests/data/extra) ==="
	$(VENV)/bin/plans run tests/data/extra/*.txt --out build/eval-extra --no-progress
	$(PY) -m pipeline.evaluation.score build/eval-extra --gold tests/data/extra
	$(PY) -m pipeline.evaluation.eval_ocr

bench: setup
	$(PY) -m pipeline.evaluation.bench

# The run at 100 and 1,000 generated documents (SIZES="100 1000 10000" for the full one, hours
# with one worker): seconds per document, compare, peak memory, pool vs LocalCluster, re-run.
SIZES ?= 100 1000
bench-scale: setup
	$(PY) -m pipeline.evaluation.bench_scale $(SIZES)

# Executes the notebooks headless on the run's DuckDB; executed copies go to data/processed/notebooks.
notebooks: run
	$(PY) -m pipeline.evaluation.notebooks --db data/processed/plans.duckdb --out data/processed/notebooks

lint: setup
	$(VENV)/bin/ruff check pipeline tests
	$(VENV)/bin/mypy

clean:
	rm -rf data/processed/* build *.egg-info
