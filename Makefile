# The two commands a new user needs: `make run` and `make test`.
# Everything is installed into $(VENV) from the lock file, so every checkout (and CI)
# runs the versions the suite passed with; `make lock` refreshes the lock.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements/ci.lock
UV := $(BIN)/uv
LOCK_ARGS := pyproject.toml --extra test --extra postgres --extra train --universal --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" -o $(LOCK)

.PHONY: run test bench lint clean install lock lock-upgrade

$(BIN)/python:
	$(PY) -m venv $(VENV)

# The locked dependencies (hash-checked), then collectsim itself, editable, built with
# the locked hatchling (no build isolation, so nothing unpinned is fetched).
$(STAMP): pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/collectsim

test: $(STAMP)
	$(BIN)/python -m ruff check simulator scoring tests bench
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

lint: $(STAMP)
	$(BIN)/python -m ruff check simulator scoring tests bench

# Re-resolve after a dependency change in pyproject.toml, keeping every pin that still
# fits; lock-upgrade moves everything to the newest versions (then run make test).
$(UV): | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv

lock: $(UV)
	$(UV) pip compile $(LOCK_ARGS)

lock-upgrade: $(UV)
	$(UV) pip compile --upgrade $(LOCK_ARGS)

clean:
	rm -rf $(VENV) .venv-py312 build dist *.egg-info .pytest_cache .ruff_cache
