# One command to set up and run, one to set up and test (see README.md).
# Everything installs into .venv from PyPI; nothing is fetched at run time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint evaluate clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## run: extract the seed articles into data/out/events.jsonl
run: $(STAMP)
	$(BIN)/eventx extract seeds --published 2020-11-30 --out data/out

## test: lint, type-check and run the test suite
test: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	$(BIN)/mypy

## evaluate: score on the shared dev set (needs ../shared/gold)
evaluate: $(STAMP)
	$(BIN)/eventx evaluate ../shared/gold/dev.jsonl

clean:
	rm -rf $(VENV) data/out/*.jsonl dist build
