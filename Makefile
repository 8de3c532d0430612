# pyc — top-level build. `make` builds pyc and runs an example; `make test` runs every test.
PYC ?= target/release/pyc
CARGO ?= cargo

.PHONY: all build example test test-cli test-standalone test-fuzz fuzz unit-test regen bench clean

all: build example

# pyc, libpyrt.a (full runtime) and libpyrt_lite.a (runtime without the embedded
# parser/compiler, linked into programs that never name eval/exec/compile).
# The lite runtime is compiled position-dependent, with the `lite` profile (Cargo.toml): pyc links executables with -no-pie
# (compiler/src/driver.rs), where non-PIC code is smaller and a little faster. `--target`
# keeps the flag off build scripts and proc macros, which must stay PIC.
# no_backtrace.sh detaches Rust std's backtrace printer from both archives and builds
# pyrt_no_backtrace.o, which stripped executables link instead (runtime/no_backtrace.c).
HOST_TRIPLE := $(shell rustc -vV | sed -n 's/^host: //p')
build:
	$(CARGO) build --release --workspace
	RUSTFLAGS="-C relocation-model=static" $(CARGO) build --profile lite -p pyrt --no-default-features --target $(HOST_TRIPLE) --target-dir target/lite
	cp target/lite/$(HOST_TRIPLE)/lite/libpyrt.a target/release/libpyrt_lite.a
	runtime/no_backtrace.sh target/release/libpyrt_lite.a target/release/pyrt_no_backtrace.o
	runtime/no_backtrace.sh target/release/libpyrt.a target/release/pyrt_no_backtrace.o

# A newcomer's first run: compile an example to a native binary and run it.
example: build
	$(PYC) build examples/primes.py -o target/primes
	./target/primes 50

unit-test:
	$(CARGO) test --release --workspace

test: build unit-test test-corpus test-repeat test-cli test-standalone test-fuzz

# Fuzzing (docs/reliability.md): a short run with a fixed seed in `make test` (the same
# inputs every time, so it cannot flake), and a long run: `make fuzz FUZZ_SECONDS=1800`.
FUZZ_SECONDS ?= 600
FUZZ_SEED ?= $(shell date +%s)
test-fuzz: build
	target/release/pyc-fuzz --seconds 60 --seed 1

fuzz: build
	target/release/pyc-fuzz --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)

# Stdlib programs run from an empty folder with an empty environment (no Python needed).
test-standalone:
	tests/standalone.sh

# Golden tests of the command line (tests/cli/README.md).
test-cli:
	tests/cli/run.sh

-include tests/Makefile.inc
-include tests/memory/Makefile.inc

# Side-by-side timings against CPython (needs python3 3.11 and hyperfine, which is
# installed from Debian's packages when missing).
bench: build
	command -v hyperfine >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q hyperfine; }
	python3 bench/bench.py $(BENCH_ARGS)

clean:
	$(CARGO) clean
	rm -rf tests/out
