# The two commands: `make run` and `make test`. Everything else supports them.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo .venv-tools/bin/uv)
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev system-deps messages bytecode migrate demo worker lint format bench clean

$(UV):
	python3 -m venv .venv-tools && .venv-tools/bin/pip install --quiet uv

# Bytecode is compiled once here: with PYTHONDONTWRITEBYTECODE set (as on our machines and in
# the image) every process would otherwise compile every module it imports, each time it starts.
.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --no-dev --compile-bytecode
	touch $@

.venv/.installed-dev: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode
	touch $@ .venv/.installed

install: .venv/.installed

install-dev: .venv/.installed-dev

# Pango for WeasyPrint, CJK and Cyrillic fonts for the PDF, Chromium for browser tests.
system-deps:
	@bash scripts/system-deps.sh

# Compiled catalogues (.mo) are built from the committed .po files, never committed themselves.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: $(MO_FILES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | system-deps
	msgfmt --check -o $@ $<

# The app's own modules, recompiled only where a source changed since.
bytecode: install
	$(PY) -m compileall -q -j 0 manage.py config charter research roadmap governance tests bench

migrate: install bytecode
	$(PY) manage.py migrate --noinput

# The demo's emails link to where `make run` will serve, unless SITE_URL says otherwise.
demo: migrate
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py seed_demo

## Run the app with demo data on http://$(HOST):$(PORT), with a Celery worker beside it.
run: system-deps messages demo
	$(PY) manage.py runapp --host $(HOST) --port $(PORT)

## Run the whole test suite. Without DATABASE_URL/REDIS_URL, the PostgreSQL and Redis tests skip.
# Two processes, one per core of the CI machine; a test module stays in one process, so the
# module-wide set-ups (a seeded demo per language, a local OIDC provider) are made once.
PYTEST_ARGS ?= -n 2 --dist loadfile
test: system-deps messages install-dev bytecode
	$(PY) -m pytest $(PYTEST_ARGS)

worker: install messages bytecode
	$(PY) -m celery -A config worker --queues=documents,messages --loglevel=info

lint: install-dev
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/lint-imports --no-logo

format: install-dev
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

bench: install-dev
	$(PY) bench/pdf_bench.py
	$(PY) bench/timeline_bench.py
	$(PY) bench/csv_import_bench.py
	$(PY) bench/outbox_bench.py

clean:
	rm -rf var/ .venv .venv-tools
