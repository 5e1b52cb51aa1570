# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OIDC := tests/oidc/node_modules/.package-lock.json
DB ?= data/hr.duckdb
PORT ?= 8501

.PHONY: install run test test-fast demo bench bench-city bench-viewers bench-operating clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The browser tests sign in at a real OpenID Connect provider: the npm package oidc-provider,
# installed as tests/oidc/package-lock.json pins it.
$(OIDC): tests/oidc/package-lock.json
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error

# Start the dashboard; the first time, load the demo data into an empty database. --dev: Streamlit
# watches the code, for working on it (`hrdash serve` alone runs as production wants it).
run: $(STAMP)
	$(BIN)/hrdash demo --db $(DB) --if-empty
	$(BIN)/hrdash serve --dev --db $(DB) --port $(PORT)

demo: $(STAMP)
	$(BIN)/hrdash demo --db $(DB)

# Every test, the browser tests in Debian's chromium included (what CI runs).
test: $(STAMP) $(OIDC)
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

# Everything but the browser tests, while working: under a minute, and no browser needed.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist worksteal -q -m "not browser"

# The municipality (1 500 units), the committee in browsers, and the city (3 000 units, 120 months):
# each figure against its goal, printed as a table; about an hour on two cores.
bench: $(STAMP)
	$(BIN)/python bench/run.py

# Only the city (bench/city.py; its files take five minutes to write the first time).
bench-city: $(STAMP)
	$(BIN)/python bench/run.py --only city

# Only the committee in real browsers against `hrdash serve` (part of `make bench`; a few minutes).
bench-viewers: $(STAMP)
	$(BIN)/python bench/viewers.py

# Only the sick-leave control charts' operating figures, before and after the seasonal adjustment,
# on a generated organisation and the demo data (part of `make bench`; under a minute).
bench-operating: $(STAMP)
	$(BIN)/python bench/operating.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis screenshots tests/oidc/node_modules
