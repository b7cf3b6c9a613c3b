# Two commands on a fresh machine: `make site` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The second engine, ProperDocs, in an environment of its own with no MkDocs in it.
PD_VENV := .venv-properdocs
PD_BIN := $(PD_VENV)/bin
PD_STAMP := $(PD_VENV)/.installed
# `make site ENGINE=properdocs` builds with ProperDocs; `PDF=required` refuses to publish
# without the notice PDFs (CI), `PDF=off` never prints them.
ENGINE ?= mkdocs
PDF ?= auto
SITE_BIN := $(if $(filter properdocs,$(ENGINE)),$(PD_BIN),$(BIN))
SITE_STAMP := $(if $(filter properdocs,$(ENGINE)),$(PD_STAMP),$(STAMP))
# The site-build tests that also run under ProperDocs: real builds, the disclosure gate, rule
# severities from mkdocs.yml, publishing (with the PDFs) and its manifest, the engine's own
# checks, and `govportal render` where no MkDocs is installed. The history pages and the PDFs
# themselves are engine-independent: the MkDocs environment's test_engines compares the whole
# portal, PDFs included, as each engine publishes it.
PROPERDOCS_TESTS := tests/sitebuild/test_build.py tests/sitebuild/test_gate_output.py \
	tests/sitebuild/test_rule_settings.py tests/sitebuild/test_publish.py \
	tests/sitebuild/test_engines.py tests/sitebuild/test_render.py tests/sitebuild/test_languages.py
# `make check CHECK_FORMAT=github` prints problems as GitHub annotations;
# `make check CHECK_ARGS="--base origin/main"` also compares the notice history with main.
CHECK_FORMAT ?= text
CHECK_ARGS ?=
# pytest-xdist workers for `make test`: one per core, at most four (`make test WORKERS=1` runs the
# suite in one process); each test file runs whole on one worker, the browser tests together.
WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)
PYTEST_WORKERS := $(if $(filter 1,$(WORKERS)),,-n $(WORKERS) --dist loadgroup)
# Material prints an end-of-life banner on every build; the portal pins MkDocs 1.6.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check lint browser-deps bench snapshots mutation clean

$(STAMP): requirements.txt pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

$(PD_STAMP): requirements-properdocs.txt pyproject.toml
	$(PY) -m venv $(PD_VENV)
	$(PD_BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.txt
	$(PD_BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(PD_STAMP)

site: $(SITE_STAMP)  ## set up and build the portal strictly into site/, each notice's PDF included (replaced only when all succeeded)
	$(SITE_BIN)/python -m govportal.publish --config-file mkdocs.yml --site-dir site \
	  --engine $(ENGINE) --pdf $(PDF)

serve: $(STAMP)  ## preview; on each change renders again only the pages whose inputs changed
	$(BIN)/mkdocs serve --strict --dirty

check: $(STAMP)  ## validate the data and run every rule, without building
	$(BIN)/govportal check --format $(CHECK_FORMAT) $(CHECK_ARGS)

lint: $(STAMP)  ## ruff, and the import contracts that keep the pipeline's layers
	$(BIN)/ruff check plugins tests bench
	$(BIN)/lint-imports --no-cache

browser-deps:  ## Debian's Chromium for the browser tests, installed when missing
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: $(STAMP) $(PD_STAMP) browser-deps lint  ## set up and run every test (one worker per core, at most four), then the site builds again under ProperDocs
	GOVPORTAL_PROPERDOCS_PYTHON=$(abspath $(PD_BIN))/python $(BIN)/python -m pytest -q -p no:cacheprovider \
	  $(PYTEST_WORKERS); rc=$$?; [ $$rc -eq 5 ] && echo "no tests ran" && exit 0; exit $$rc
	$(PD_BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_WORKERS) $(PROPERDOCS_TESTS) \
	  --deselect tests/sitebuild/test_engines.py::test_both_engines_publish_the_same_site

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
	rm -rf site .venv .venv-properdocs build *.egg-info
