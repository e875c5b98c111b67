PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NEREL ?= ../shared/nerel-dev
BENCH_N ?= 2000
BENCH_MEMORY_N ?= 10000
BENCH_BUDGET ?= 1200

.PHONY: setup run test bench eval-dev eval-heldout eval-nerel clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: setup
	mkdir -p out
	$(PY) -m pipeline extract corpus -o out/records.jsonl
	$(PY) -m pipeline evaluate --gold annotations --pred out/records.jsonl

test: setup
	$(PY) -m pytest -q

# speed and memory against natasha (README, Benchmark); about 30 minutes on 2 cores
bench: setup
	BENCH_N=$(BENCH_N) BENCH_MEMORY_N=$(BENCH_MEMORY_N) BENCH_BUDGET=$(BENCH_BUDGET) $(PY) -m bench.run

eval-dev: setup
	mkdir -p out
	$(PY) -m pipeline extract corpus/*.txt -o out/dev.jsonl
	$(PY) -m pipeline evaluate --gold annotations/*.json --pred out/dev.jsonl $(EVAL_FLAGS)

eval-heldout: setup
	mkdir -p out
	$(PY) -m pipeline extract corpus/heldout -o out/heldout.jsonl
	$(PY) -m pipeline evaluate --gold annotations/heldout --pred out/heldout.jsonl

eval-nerel: setup
	@if [ -d "$(NEREL)/texts" ]; then \
	  mkdir -p out && \
	  $(PY) -m pipeline extract $(NEREL)/texts -o out/nerel.jsonl && \
	  $(PY) -m pipeline evaluate --gold $(NEREL)/gold --pred out/nerel.jsonl \
	    --types person,person.position --lenient-positions; \
	else echo "eval-nerel: $(NEREL) is absent, skipping"; fi

clean:
	rm -rf $(VENV) out
