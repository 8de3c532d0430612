# pyc — top-level build. `make` builds pyc and runs an example; `make test` runs every test.
PYC ?= target/release/pyc
CARGO ?= cargo

.PHONY: all build example test test-cli test-standalone unit-test regen bench clean

all: build example

# pyc, libpyrt.a (full runtime) and libpyrt_lite.a (runtime without the embedded
# parser/compiler, linked into programs that never name eval/exec/compile).
build:
	$(CARGO) build --release --workspace
	$(CARGO) build --release -p pyrt --no-default-features --target-dir target/lite
	cp target/lite/release/libpyrt.a target/release/libpyrt_lite.a

# A newcomer's first run: compile an example to a native binary and run it.
example: build
	$(PYC) build examples/primes.py -o target/primes
	./target/primes 50

unit-test:
	$(CARGO) test --release --workspace

test: build unit-test test-corpus test-cli test-standalone

# Stdlib programs run from an empty folder with an empty environment (no Python needed).
test-standalone:
	tests/standalone.sh

# Golden tests of the command line (tests/cli/README.md).
test-cli:
	tests/cli/run.sh

-include tests/Makefile.inc
-include tests/memory/Makefile.inc

# Side-by-side timings against CPython (needs python3 3.11 and hyperfine).
bench: build
	python3 bench/bench.py $(BENCH_ARGS)

clean:
	$(CARGO) clean
	rm -rf tests/out
