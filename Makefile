# crt-cc: make demo | make test | make test-projects | make lint | make bench | make clean
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c

VENV        := .venv
PY          := $(VENV)/bin/python
DEMO_TARGET ?= aarch64-linux-gnu
DEMO_DIR    := build/demo
PYTEST_ARGS ?= -n 2
LIT_ARGS    ?= -sv
BENCH_ARGS  ?=

.PHONY: all setup demo test test-projects pytest lit lint bench clean distclean

all: test

# Idempotent; fast when everything is already installed.
setup:
	bash toolchain/setup.sh

demo: setup
	@mkdir -p $(DEMO_DIR)
	$(VENV)/bin/crt-cc --target=$(DEMO_TARGET) -S examples/demo/demo.s -o $(DEMO_DIR)/demo.$(DEMO_TARGET).s
	$(VENV)/bin/crt-cc --target=$(DEMO_TARGET) examples/demo/demo.s -o $(DEMO_DIR)/demo.$(DEMO_TARGET)
	@echo "--- translated $(DEMO_TARGET) assembly: $(DEMO_DIR)/demo.$(DEMO_TARGET).s"
	@echo "--- running $(DEMO_DIR)/demo.$(DEMO_TARGET) under crt-run --target=$(DEMO_TARGET):"
	$(VENV)/bin/crt-run --target=$(DEMO_TARGET) $(DEMO_DIR)/demo.$(DEMO_TARGET) | tee $(DEMO_DIR)/output.txt
	@diff -u examples/demo/expected.txt $(DEMO_DIR)/output.txt && echo "--- output matches examples/demo/expected.txt"

# Runs both suites; fails if either fails.
test: setup
	@rc=0; \
	$(PY) -m pytest $(PYTEST_ARGS) tests || rc=1; \
	$(VENV)/bin/lit $(LIT_ARGS) lit-tests || rc=1; \
	exit $$rc

# Real projects' own test suites for RISC-V64 and ARMv5 (the AArch64 ones are part of
# 'make test'; CRT_TEST_PROJECTS=all runs both): docs/real-projects.md.
test-projects: setup
	CRT_TEST_PROJECTS=extra $(PY) -m pytest $(PYTEST_ARGS) tests/test_real_projects.py

pytest: setup
	$(PY) -m pytest $(PYTEST_ARGS) tests

lit: setup
	$(VENV)/bin/lit $(LIT_ARGS) lit-tests

lint: setup
	$(VENV)/bin/ruff check crt_cc tests

# Not part of 'make test': builds bench/programs natively and through crt-cc, measures
# them under qemu and rewrites docs/results/bench-<arch>.{md,json,png} (docs/benchmarks.md).
# bench/setup.sh (run by the runner) fetches qemu-plugin.h and zlib from Debian sources.
bench: setup
	$(PY) -m crt_cc.bench $(BENCH_ARGS)

clean:
	rm -rf build .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name Output \) -type d -print0 | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV) *.egg-info
