# ldpub: `make run` builds and serves the seeds' graph; `make test` runs the tests.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: install run build serve test lint format clean

install: $(STAMP)

$(STAMP): pyproject.toml scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	bash scripts/system-deps.sh
	touch $(STAMP)

build: install
	$(BIN)/ldpub build seeds --out dist || [ $$? -eq 1 ]

run: build
	$(BIN)/ldpub serve dist

test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf dist build .pytest_cache .ruff_cache
