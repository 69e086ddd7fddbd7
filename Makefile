# The two commands a newcomer needs: `make serve` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install serve test lint typecheck pytest fuzz schema bench clean

$(BIN)/cupql: pyproject.toml requirements.lock package.json package-lock.json
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	npm ci --silent --no-audit --no-fund
	touch $(BIN)/cupql

install: $(BIN)/cupql

serve: install
	$(BIN)/cupql serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

# The differential test at length: FUZZ_EXAMPLES random documents per database through compiled plans and strawberry.
FUZZ_EXAMPLES ?= 10000
fuzz: install
	CUPQL_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -s tests/schema/test_compiled_fuzz.py

schema: install
	$(BIN)/cupql schema > schema.graphql

# Options go through BENCH_ARGS, e.g. make bench BENCH_ARGS="--duration 4 --seasons 100" (see bench/README.md).
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules bench/peer/node_modules var .mypy_cache .ruff_cache .pytest_cache
