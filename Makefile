# kankei: `make run` sets up and runs the main job; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SHARED := ../shared
CORPUS ?= $(if $(wildcard $(SHARED)/corpus),$(SHARED)/corpus,examples/corpus)
DB     ?= out/kankei.duckdb

# the browser tests drive Debian's chromium; without the CJK fonts Japanese renders as boxes
CHROMIUM  := /usr/bin/chromium
CJK_FONTS := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
SUDO      := $(if $(filter 0,$(shell id -u)),,sudo)
REPORT    ?= out/report-USA-SUN.html

.PHONY: run test lint typecheck clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

$(CHROMIUM) $(CJK_FONTS):
	$(SUDO) apt-get update -q
	$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk

browser: $(CHROMIUM) $(CJK_FONTS)

run: $(VENV)/.installed
	@mkdir -p $(dir $(DB))
	@rm -f $(DB)
	$(BIN)/kankei ingest $(CORPUS) --db $(DB)
	$(BIN)/kankei summary --db $(DB) USA SUN
	$(BIN)/kankei phases USA SUN --db $(DB)
	$(BIN)/kankei report USA SUN --db $(DB) --out $(REPORT)
	@echo "report: $(abspath $(REPORT))"
	@echo "explore: $(BIN)/kankei serve --db $(DB)   (then open http://127.0.0.1:8000/)"

test: $(VENV)/.installed-dev browser
	$(BIN)/ruff check src tests bench scripts eval
	$(BIN)/ruff format --check src tests bench scripts eval
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix src tests bench scripts eval
	$(BIN)/ruff format src tests bench scripts eval

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
