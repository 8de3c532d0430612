#!/usr/bin/env bash
# Standalone check (issue 6): binaries built from programs that use the standard library
# must run on a machine with no Python. For each program below: build it, copy the binary
# alone into an empty folder, run it there with an empty environment (`env -i`,
# PYTHONHOME=/nonexistent) and compare stdout/exit status with the recorded CPython
# output; `ldd` must list only system libraries; under strace it must open no `.py` file.
# Prints one line per failure and finally "N passed, M failed"; exit status 0 iff M = 0.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd) ROOT_PHYS=$(pwd -P)
# Expected files store the repository root stripped from paths (see tests/run.sh).
normalize() { sed -i -e "s|$ROOT_PHYS/||g" -e "s|$ROOT/||g" "$1"; }
PYC=${PYC:-target/release/pyc}
# The corpus's object cache (tests/run.sh): the stdlib modules are compiled once per run.
export PYC_CACHE_DIR=${PYC_CACHE_DIR:-$ROOT/target/pyc-cache}
PROGRAMS=${STANDALONE_PROGRAMS:-$(ls tests/re/log_parser.py tests/collections/*.py tests/functools/*.py tests/stdlib_programs/*.py 2>/dev/null | grep -v '_mods/')}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
for src in $PROGRAMS; do
    [ -f "${src%.py}.out" ] || continue
    [ -f "${src%.py}.args" ] && continue  # arguments name repository paths
    [ -f "${src%.py}.stdin" ] && continue
    dir="$work/$(echo "$src" | tr / _)"
    mkdir -p "$dir"
    if ! "$PYC" build -q "$src" -o "$dir/app" >"$dir/build.log" 2>&1; then
        fail "$src" "build failed (see $dir/build.log)"; continue
    fi
    expected_status=$(cat "${src%.py}.status" 2>/dev/null || echo 0)
    (cd "$dir" && env -i PYTHONHOME=/nonexistent PYTHONHASHSEED=0 ./app </dev/null >out 2>err; echo $? >status)
    normalize "$dir/out"
    if ! cmp -s "$dir/out" "${src%.py}.out"; then fail "$src" "stdout differs in an empty environment"; continue; fi
    if [ "$(cat "$dir/status")" != "$expected_status" ]; then fail "$src" "exit status $(cat "$dir/status"), expected $expected_status"; continue; fi
    libs=$(ldd "$dir/app" 2>/dev/null | awk '{print $1}' | grep -v -E '^(linux-vdso\.so|/lib64/ld-linux|libc\.so|libm\.so|libpthread\.so|libdl\.so|libgcc_s\.so)' || true)
    if [ -n "$libs" ]; then fail "$src" "links non-system libraries: $libs"; continue; fi
    if command -v strace >/dev/null; then
        (cd "$dir" && env -i PYTHONHOME=/nonexistent PYTHONHASHSEED=0 strace -f -qq -e trace=open,openat,stat,newfstatat -o trace ./app </dev/null >/dev/null 2>&1)
        # A program whose expected output holds a traceback reads source lines the way
        # CPython's traceback module does (linecache, which tolerates a missing file): only
        # other .py opens mean the binary depends on Python sources.
        if grep -q Traceback "${src%.py}.out" "${src%.py}.err" 2>/dev/null; then :
        elif grep -q '\.py"' "$dir/trace"; then fail "$src" "touches .py files at run time: $(grep -o '"[^"]*\.py"' "$dir/trace" | head -3 | tr '\n' ' ')"; continue; fi
    fi
    passed=$((passed + 1))
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
