# Two commands: `make analyze` and `make test`. Both build .venv from pyproject.toml first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: analyze test lint bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,notebooks]'
	touch $(STAMP)

analyze: $(STAMP)
	$(BIN)/perspectives analyze seeds --study seeds/study.yaml -o results --figures figures

test: $(STAMP)
	$(BIN)/python -m pytest --nbmake tests notebooks

lint: $(STAMP)
	$(BIN)/ruff check perspectives tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/pipeline_bench.py --scale
	$(BIN)/python benchmarks/quotes_eval.py
	$(BIN)/python benchmarks/sentiment_eval.py
	$(BIN)/python benchmarks/segment_bench.py

clean:
	rm -rf $(VENV) results
