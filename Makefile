# The two commands a newcomer needs (see README.md):
#   make run   - set up and run the portal with demo data on the embedded default
#   make test  - set up and run the whole test suite against PostgreSQL and Redis
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint format messages clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Portal LPSE memerlukan Python 3.11 atau lebih baru.")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.terpasang-runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	@touch $@

$(VENV)/.terpasang-uji: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-test.txt
	@touch $@ $(VENV)/.terpasang-runtime

node_modules/.terpasang: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm tidak ditemukan: pasang Node.js dan npm (Debian: apt-get install nodejs npm)."; exit 2; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

run: $(VENV)/.terpasang-runtime node_modules/.terpasang
	$(BIN)/python scripts/run_portal.py

test: $(VENV)/.terpasang-uji node_modules/.terpasang
	$(BIN)/python scripts/run_tests.py $(ARGS)

lint: $(VENV)/.terpasang-uji
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.terpasang-uji
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.terpasang-runtime
	$(BIN)/python manage.py makemessages -l id --ignore=.venv --ignore=node_modules --ignore=var

clean:
	rm -rf $(VENV) node_modules var
