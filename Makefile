# Charter: `make demo` shows the product offline; `make test` sets everything up and checks it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint types pytest bench browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@bash scripts/demo.sh

# Headless Chromium for the browser tests, from Debian's packages (needs root, as in CI).
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing chromium (Debian package) for browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "warning: chromium could not be installed; browser tests will be skipped"; \
	  else echo "warning: not root, chromium not installed; browser tests will be skipped"; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

types: $(STAMP)
	$(BIN)/mypy

# PostgreSQL (Debian's package, a throwaway cluster on 127.0.0.1) for the store and gateway tests.
pytest: $(STAMP) browser
	@bash scripts/postgres.sh start >/dev/null
	$(BIN)/pytest -q; rc=$$?; bash scripts/postgres.sh stop; exit $$rc

test: lint types pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	-bash scripts/postgres.sh stop
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist site
