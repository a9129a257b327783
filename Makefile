# The two commands of the README:
#   make site   - set up, then check the sample organisation and print its figures
#   make test   - set up, then run every test
# Everything is installed here, into .venv, from pyproject.toml.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
YEAR ?= 2025

.PHONY: site test setup bench lint schemas docs clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/.installed

site: setup
	$(BIN)/site-gen check
	$(BIN)/site-gen stats --year $(YEAR)

test: setup
	$(BIN)/python -m pytest -n auto

lint: setup
	$(BIN)/ruff check site_gen tests bench tools
	$(BIN)/ruff format --check site_gen tests bench tools
	$(BIN)/mypy

schemas: setup
	$(BIN)/python -m site_gen.bundle

docs: setup
	{ sed -n '1,/<!-- generated -->/p' docs/ma-loi.md; $(BIN)/site-gen rules --all --format markdown; } > docs/ma-loi.md.new
	mv docs/ma-loi.md.new docs/ma-loi.md

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .site-gen-cache .pytest_cache .mypy_cache .ruff_cache
