# The two promises of the README: `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STORY ?= stories/ukrainian-children

.PHONY: demo test lint bench train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/timeline build $(STORY) --out output | grep '\.html$$'

test: $(VENV)/.installed
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests benchmarks

bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/tempeval.py
	$(BIN)/python benchmarks/meantime.py
	$(BIN)/python benchmarks/t17.py
	$(BIN)/python benchmarks/multilingual.py
	$(BIN)/python benchmarks/mlcrisis.py
	$(BIN)/python benchmarks/clock_years.py
	$(BIN)/python benchmarks/page.py
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/cluster.py
	$(BIN)/python benchmarks/kills.py
	$(BIN)/python benchmarks/duplicates.py
	$(BIN)/python benchmarks/similarity.py
	$(BIN)/python benchmarks/corrections.py

# The key-date ranker's weights (src/timeline/data/date_ranker.json) from ../shared/data/t17.
train: $(VENV)/.installed
	$(BIN)/python benchmarks/train_dates.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
	find output -mindepth 1 ! -name .gitkeep -delete
