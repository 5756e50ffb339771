# Two entry points for a fresh machine with Python 3 and make: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS := fixtures/seeds
# Extras `make test` installs; CI adds the optional groups (see .ci/run).
TEST_EXTRAS ?= test

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$(TEST_EXTRAS)]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/dedupe compare $(SEEDS)/001_50899f19e1fbd510.txt $(SEEDS)/004_6b7b728a0a1fe40e.txt
	@echo
	$(BIN)/dedupe scan $(SEEDS) --quiet

test: $(VENV)/.test-installed
	$(BIN)/ruff check dedupe tests bench tools
	$(BIN)/ruff format --check dedupe tests bench tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: $(VENV)/.test-installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/judgement.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
