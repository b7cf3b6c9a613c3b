# Two commands on a fresh machine: `make site` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make check CHECK_FORMAT=github` prints problems as GitHub annotations.
CHECK_FORMAT ?= text
# Material prints an end-of-life banner on every build; the portal pins MkDocs 1.6.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check lint browser-deps bench snapshots mutation clean

$(STAMP): requirements.txt pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

site: $(STAMP)  ## set up and build the portal strictly into site/ (replaced only when the build succeeds)
	$(BIN)/python -m govportal.publish --config-file mkdocs.yml --site-dir site

serve: $(STAMP)  ## preview; rebuilds when data, templates or pages change
	$(BIN)/mkdocs serve --strict

check: $(STAMP)  ## validate the data and run every rule, without building
	$(BIN)/govportal check --format $(CHECK_FORMAT)

lint: $(STAMP)  ## ruff, and the import contracts that keep the pipeline's layers
	$(BIN)/ruff check plugins tests bench
	$(BIN)/lint-imports --no-cache

browser-deps:  ## Debian's Chromium for the browser tests, installed when missing
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) browser-deps lint  ## set up and run every test
	$(BIN)/python -m pytest -q -p no:cacheprovider

snapshots: $(STAMP)  ## rewrite the HTML snapshots after an intended change, then show the diff to review
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/sitebuild/test_snapshots.py --snapshot-update
	@git --no-pager diff --stat -- tests/sitebuild/__snapshots__
	@git status --short -- tests/sitebuild/__snapshots__
	@echo "review: git diff tests/sitebuild/__snapshots__ (and git add new files) before committing"

bench: $(STAMP)  ## measure check and build at 10, 100 and 1,000 programs
	$(BIN)/python bench/run.py

mutation: $(STAMP)  ## mutation testing of the core modules (slow); rewrites content/mutation-testing.md
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	nice -n 10 $(BIN)/python bench/mutation.py $(MUTATION_ARGS)

clean:
	rm -rf site .venv build *.egg-info
