# Finch — the two commands for a fresh machine are `make tour` and `make test` (see README.md).
SWIFT ?= swift
# Release builds use AVX2/FMA; on a processor without them, build portable code instead.
export FINCH_PORTABLE ?= $(shell grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo || echo 1)
VENV := .venv
FINCH := .build/release/finch

.PHONY: setup build install wheel tour notebooks test test-swift test-integration bench-kernel clean

setup:
	scripts/setup.sh

# The Swift runtime is linked statically, so the binary (and the wheel) need no Swift installed.
# Beside it, finch-launch (C, libc only), which the kernelspec starts: see launcher/finch-launch.c.
build: setup
	$(SWIFT) build -c release --static-swift-stdlib --product finch
	$(CC) -O2 -Wall -Wextra -Werror -o .build/release/finch-launch launcher/finch-launch.c

# Installs the kernelspec `finch` into the venv, where jupyter_client, nbconvert and papermill look.
install: build
	VIRTUAL_ENV=$(abspath $(VENV)) $(FINCH) install --sys-prefix

# The pip wheel dist/finch_kernel-*.whl: the binary, the libraries it needs, kernelspec, data, lexer, papermill.
wheel: build
	$(VENV)/bin/python scripts/build-wheel.py --binary $(FINCH) --out dist

# Runs the language tour headless with the installed kernel and prints it as text.
tour: install
	mkdir -p build-out
	$(VENV)/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=finch \
	    --output-dir build-out notebooks/01-tour.ipynb
	$(VENV)/bin/jupyter nbconvert --to markdown --stdout build-out/01-tour.ipynb 2>/dev/null

# Rebuilds the committed notebooks from their scripts, outputs included.
notebooks: install
	$(VENV)/bin/python scripts/notebook.py build notebooks/tour.finch notebooks/01-tour.ipynb
	$(VENV)/bin/python scripts/notebook.py build notebooks/pretrain-finetune.finch notebooks/02-pretrain-finetune.ipynb
	$(VENV)/bin/python scripts/notebook.py build notebooks/peft-digits.finch notebooks/03-peft-digits.ipynb
	$(VENV)/bin/python scripts/notebook.py build notebooks/real-text.finch notebooks/04-real-text.ipynb
	$(VENV)/bin/python scripts/notebook.py build notebooks/continual.finch notebooks/05-continual.ipynb
	$(VENV)/bin/python scripts/notebook.py build notebooks/compress.finch notebooks/06-compress.ipynb
	$(VENV)/bin/python scripts/notebook.py build notebooks/prompts.finch notebooks/07-prompts.ipynb

test: install test-swift test-integration

test-swift:
	$(SWIFT) build --build-tests
	$(SWIFT) test

test-integration: install
	$(SWIFT) build --product finch-bench
	FINCH_BENCH=$(abspath .build/debug/finch-bench) $(VENV)/bin/python -m pytest -q -p no:cacheprovider \
	    --rootdir Tests Tests/python_engine Tests/integration

# Finch beside xeus-python and ipykernel through jupyter_client: start-up and trivial-execute round-trip.
bench-kernel: install
	$(VENV)/bin/pip install -q --disable-pip-version-check -r bench/requirements.txt
	$(VENV)/bin/python bench/kernel_latency.py

clean:
	rm -rf .build build-out dist
