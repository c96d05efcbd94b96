# Two commands for a newcomer: `make demo`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint bench models evaluate clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# Codes the example articles into the embedded database (eventwire.db) and prints the events.
demo: install
	$(BIN)/eventwire ingest examples/
	$(BIN)/eventwire events --format table

test: install
	$(BIN)/ruff check .
	$(BIN)/pytest

bench: install
	$(BIN)/python benchmarks/run.py --shared $(SHARED)

models: install
	$(BIN)/python models/build_all.py --shared $(SHARED)

evaluate: install
	$(BIN)/eventwire evaluate --shared $(SHARED)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
