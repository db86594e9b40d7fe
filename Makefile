# The README's two commands are `make run` and `make test`; each sets everything up first.
SHELL := /bin/bash
.DEFAULT_GOAL := run
PY_VERSION ?= 3.11
VENV := .venv
STAMP := .work/stamps
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie fonts-dejavu-core fonts-liberation2 poppler-utils chromium catdoc postgresql
export UV_PYTHON := $(PY_VERSION)
export UV_PYTHON_DOWNLOADS := never
export PREFECT_HOME ?= $(CURDIR)/.work/prefect
export OMP_THREAD_LIMIT := 1

.PHONY: run test faults setup system venv samples eval eval-rerender eval-heldout unseen eval-unseen bench lint schema clean

# ---- set-up -------------------------------------------------------------------------------
setup: system venv

system: $(STAMP)/system
$(STAMP)/system: Makefile
	@mkdir -p $(STAMP)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Cài gói hệ thống / installing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@tesseract --list-langs 2>/dev/null | grep -qx vie || { echo "Thiếu dữ liệu tiếng Việt của Tesseract / tesseract-ocr-vie missing"; exit 1; }
	@touch $@

venv: $(VENV)/.synced
# --compile-bytecode: where PYTHONDONTWRITEBYTECODE is set (it is on these machines) every start
# would compile prefect's sources again (3 s per process, more for the Prefect server).
$(VENV)/.synced: pyproject.toml uv.lock Makefile
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install -q uv
	python3 -m uv sync --frozen --quiet --compile-bytecode
	@touch $@

# ---- the README's commands -----------------------------------------------------------------
run: setup samples
	$(VENV)/bin/hoso process samples/inbox --out out

test: setup samples
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check --quiet .
	$(VENV)/bin/python -m pytest -q

# Fault injection on the watcher (SIGKILLs, 2 MB tmpfs disks as root, slow copies, links, FIFOs);
# prints the closing table. About 3 min, plus one case with real 10 s pauses. `HOSO_FAULTS_SEED=5`.
faults: setup
	HOSO_FAULTS=1 $(VENV)/bin/python -m pytest -q -s tests/pipeline/test_faults_random.py tests/pipeline/test_faults.py

# ---- the rest ------------------------------------------------------------------------------
samples: $(STAMP)/samples
$(STAMP)/samples: $(wildcard samples/*.py) $(VENV)/.synced
	$(VENV)/bin/python samples/make_samples.py
	@touch $@

eval: setup samples
	$(VENV)/bin/python -m samples.evaluate

# The same cases (same templates, same wording) rendered anew with another seed: other figures, names
# and scan noise. It measures robustness to numbers and noise, not to wording. `make eval-rerender SEED=11`.
SEED ?= 7
eval-rerender: setup
	$(VENV)/bin/python -m samples.evaluate --seed $(SEED)

eval-heldout:
	@echo "eval-heldout is now eval-rerender (it re-renders the same templates; for unseen wording: make eval-unseen)"
	@$(MAKE) --no-print-directory eval-rerender SEED=$(SEED)

# Dossiers written in wording families the rules were never written against (samples/unseen), frozen
# by hashes.json: verdicts, flags and figures overall, dev vs heldout families, per family and per field.
unseen: setup
	$(VENV)/bin/python -m samples.unseen.make

eval-unseen: setup
	@test -d samples/unseen/inbox || $(VENV)/bin/python -m samples.unseen.make
	$(VENV)/bin/python -m samples.unseen.evaluate $(if $(JSON),--json $(JSON))

BENCH_APT := ocrmypdf
bench: setup
	@dpkg -s $(BENCH_APT) >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(BENCH_APT) >/dev/null; }
	$(VENV)/bin/python bench/run.py $(BENCH_ARGS)

lint: venv
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

schema: venv
	$(VENV)/bin/python -c "from pathlib import Path; from validators.model import export_schema; export_schema(Path('docs/result.schema.json'))"

clean:
	rm -rf out .work
