#!/usr/bin/env bash
# Differential test harness for pyc.
#
# Usage: tests/run.sh [-v] [-k] [--list] [-j N] [PATTERN...]
#
# Every tests/<topic>/<name>.py and examples/<name>.py (or only those whose path
# contains one of the PATTERNs) is built with `$PYC build` into tests/out/, then the
# binary is run twice: natively and with PYC_INTERP=1 (bytecode interpreter path).
# Both runs' stdout, stderr and exit status must equal the recorded CPython 3.11
# results (<name>.out, <name>.err, <name>.status; inputs <name>.args, <name>.stdin).
#
#   -v        show a unified diff (and the build log) for each failure
#   -k        keep going (the default; accepted for compatibility)
#   --list    print the selected tests and exit
#   -j N      number of parallel jobs (default 2, or $JOBS)
#
# Environment: REPEAT=N (run each binary N times per mode; any differing round fails),
# LEAK_CHECK=1 (native pass with PYC_DEBUG_LEAKS=1: a leak fails the test),
# OUT_DIR (default tests/out), PYC (compiler, default target/release/pyc), RUN_TIMEOUT (seconds per
# run, default 10), BUILD_TIMEOUT (seconds per build, default 1200: the first test to import
# a big stdlib graph compiles it for the whole run), PYC_CACHE_DIR (object
# cache shared by all tests, default target/pyc-cache), KEEP_BINARIES=1 (keep the binary of a
# passing test; by default only failing tests' binaries stay, to spare the disk).
# The last line printed is always "N passed, M failed"; exit status 0 iff M == 0.
# Needs only bash + coreutils (+ diff for -v); Python is needed only by regen.sh.

set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2
# CPython 3.11 prints the *absolute* script path in tracebacks ("File \"/abs/repo/tests/x/y.py\"").
# Expected files are stored with the repository root stripped ("File \"tests/x/y.py\"") so they
# do not depend on where the checkout lives; actual output is normalized the same way.
ROOT_PHYS="$(pwd -P)"
export ROOT ROOT_PHYS
normalize() {   # normalize FILE: strip "<repo root>/" (logical and physical spellings) in place
    local r sedargs=()
    for r in "$ROOT_PHYS" "$ROOT"; do
        sedargs+=(-e "s/$(printf '%s/' "$r" | sed 's/[]\/$*.^[]/\\&/g')//g")
    done
    sed -i "${sedargs[@]}" "$1"
}

: "${PYC:=target/release/pyc}"
: "${RUN_TIMEOUT:=10}"
: "${BUILD_TIMEOUT:=1200}"
: "${JOBS:=2}"
: "${OUT_DIR:=tests/out}"
# One object cache for every test (and CI run): each stdlib module is compiled once.
: "${PYC_CACHE_DIR:=$ROOT/target/pyc-cache}"
export PYC RUN_TIMEOUT BUILD_TIMEOUT OUT_DIR PYC_CACHE_DIR

# ---------------------------------------------------------------------------
# Worker mode: run one test, print at most one failure line, write a result file.
# ---------------------------------------------------------------------------
# Is test $1 (tests/<topic>/<name>.py) listed in tests/known_failures.txt?
is_known_failure() {
    [[ -f $ROOT/tests/known_failures.txt ]] &&
        sed 's/[[:space:]]*#.*//' "$ROOT/tests/known_failures.txt" | grep -qxF "$1"
}

# Is test $1 listed in tests/memory/leak_optout.txt (keeps objects alive by design)?
is_leak_optout() {
    [[ -f $ROOT/tests/memory/leak_optout.txt ]] &&
        sed 's/[[:space:]]*#.*//' "$ROOT/tests/memory/leak_optout.txt" | grep -qxF "$1"
}

run_one() {
    local src="$1"
    local rel="${src%.py}"                # tests/basics/ints  or  examples/primes
    local name="${rel#tests/}"            # basics/ints        or  examples/primes
    local bin="$OUT_DIR/$name"
    local work="$OUT_DIR/$name.d"
    mkdir -p "$(dirname "$bin")" "$work"
    rm -f "$bin" "$work"/*

    local -a args=()
    if [[ -f "$rel.args" ]]; then
        read -r -a args < "$rel.args" || true
    fi
    local stdin_file=/dev/null
    [[ -f "$rel.stdin" ]] && stdin_file="$rel.stdin"
    local exp_status=0
    [[ -f "$rel.status" ]] && exp_status="$(tr -d ' \n\r' < "$rel.status")"

    local reasons=()
    local detail="$work/detail"
    : > "$detail"

    # --stats: every code object of every module the test reaches (its own and the
    # stdlib's) must be lowered natively; the interpreter is the reference, not a crutch.
    # --with-interp links the interpreter, which the PYC_INTERP=1 run needs.
    local build_status=0
    timeout "$BUILD_TIMEOUT" "$PYC" build --stats --with-interp "$src" -o "$bin" \
        > "$work/build.out" 2> "$work/build.err" || build_status=$?
    if (( build_status != 0 )) || [[ ! -x "$bin" ]]; then
        reasons+=("build failed")
        {
            # 124: BUILD_TIMEOUT; above 128: killed by signal (status - 128)
            echo "--- build log ($PYC build $src -o $bin, exit status $build_status):"
            cat "$work/build.out" "$work/build.err" > "$work/build.log"
            head -n 40 "$work/build.log"
            local n; n=$(wc -l < "$work/build.log")
            (( n > 40 )) && echo "... ($((n - 40)) more lines in $work/build.log)"
        } >> "$detail"
    else
        if grep -q "^  interpreted: " "$work/build.out"; then
            reasons+=("not fully native")
            { echo "--- code objects left to the interpreter:"; grep "^  interpreted: " "$work/build.out"; } >> "$detail"
        fi
        local mode rep
        # REPEAT=N runs the binary N times per mode (flaky is failing); stops at the first
        # failing round.
        for ((rep = 1; rep <= ${REPEAT:-1}; rep++)); do
        for mode in native interp; do
            local interp_env=()
            [[ $mode == interp ]] && interp_env=(PYC_INTERP=1)
            # LEAK_CHECK=1: the native pass also runs the leak checker, whose report on
            # stderr fails the test (tests/memory/leak_optout.txt lists the exceptions).
            if [[ $mode == native && ${LEAK_CHECK:-0} == 1 ]] && ! is_leak_optout "$src"; then
                interp_env=(PYC_DEBUG_LEAKS=1)
            fi
            env -u PYC_INTERP PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8 \
                "${interp_env[@]}" \
                timeout -k 2 "$RUN_TIMEOUT" "$bin" "${args[@]}" \
                < "$stdin_file" > "$work/$mode.out" 2> "$work/$mode.err"
            local st=$?
            echo "$st" > "$work/$mode.status"
            normalize "$work/$mode.out"
            normalize "$work/$mode.err"
            if [[ $st == 124 || $st == 137 ]] && [[ $exp_status != "$st" ]]; then
                reasons+=("$mode: timed out after ${RUN_TIMEOUT}s")
                continue
            fi
            if ! cmp -s "$rel.out" "$work/$mode.out"; then
                reasons+=("$mode: stdout differs")
                { echo "--- $mode stdout (expected vs actual):"
                  diff -u --label "$rel.out" --label "$mode stdout" "$rel.out" "$work/$mode.out"
                } >> "$detail" 2>&1
            fi
            if ! cmp -s "$rel.err" "$work/$mode.err"; then
                reasons+=("$mode: stderr differs")
                { echo "--- $mode stderr (expected vs actual):"
                  diff -u --label "$rel.err" --label "$mode stderr" "$rel.err" "$work/$mode.err"
                } >> "$detail" 2>&1
            fi
            if [[ $st != "$exp_status" ]]; then
                reasons+=("$mode: status $st, expected $exp_status")
            fi
        done
        if (( ${#reasons[@]} > 0 )); then
            (( ${REPEAT:-1} > 1 )) && reasons+=("in round $rep of $REPEAT")
            break
        fi
        done
    fi

    if (( ${#reasons[@]} == 0 )); then
        echo PASS > "$work/result"
        [[ ${KEEP_BINARIES:-0} == 1 ]] || rm -f "$bin"
    else
        local line="FAIL $src:"
        # A test listed in tests/known_failures.txt is reported as XFAIL (counted as
        # skipped), so a known, tracked gap does not hide new regressions.
        if is_known_failure "$src"; then
            line="XFAIL $src:"
        fi
        local r sep=" "
        for r in "${reasons[@]}"; do line+="$sep$r"; sep="; "; done
        echo "${line%%:*}" | cut -d' ' -f1 > "$work/result"
        # Emit the line (and with -v the details) in one write so that parallel
        # workers do not interleave their output.
        if [[ ${VERBOSE:-0} == 1 ]]; then
            { printf '%s\n' "$line"; cat "$detail"; } > "$work/report"
        else
            printf '%s\n' "$line" > "$work/report"
        fi
        cat "$work/report"
    fi
}

export -f normalize
if [[ ${1:-} == --one ]]; then
    run_one "$2"
    exit 0
fi

# ---------------------------------------------------------------------------
# Driver mode.
# ---------------------------------------------------------------------------
VERBOSE=0
LIST=0
patterns=()
while (( $# )); do
    case "$1" in
        -v|--verbose) VERBOSE=1 ;;
        -k|--keep-going) ;;
        --list) LIST=1 ;;
        -j) shift; JOBS="${1:?-j needs a number}" ;;
        -j*) JOBS="${1#-j}" ;;
        -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        --) shift; patterns+=("$@"); break ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) patterns+=("$1") ;;
    esac
    shift
done
export VERBOSE

all=()
while IFS= read -r f; do all+=("$f"); done < <(
    { find tests -mindepth 2 -maxdepth 2 -name '*.py' -not -path 'tests/out/*'
      find examples -mindepth 1 -maxdepth 1 -name '*.py' 2>/dev/null; } | LC_ALL=C sort)

selected=()
for f in "${all[@]}"; do
    if (( ${#patterns[@]} == 0 )); then
        selected+=("$f")
    else
        for p in "${patterns[@]}"; do
            if [[ $f == *"$p"* ]]; then selected+=("$f"); break; fi
        done
    fi
done

if (( LIST )); then
    for f in "${selected[@]}"; do echo "$f"; done
    exit 0
fi

if [[ ! -x $PYC ]]; then
    echo "run.sh: compiler $PYC not found or not executable (set PYC or build it)" >&2
fi

if (( ${#selected[@]} > 0 )); then
    printf '%s\0' "${selected[@]}" | xargs -0 -n 1 -P "$JOBS" "$ROOT/tests/run.sh" --one
fi

passed=0
failed=0
skipped=0
for f in "${selected[@]}"; do
    rel="${f%.py}"
    res="$OUT_DIR/${rel#tests/}.d/result"
    if [[ -f $res && $(cat "$res") == PASS ]]; then
        passed=$((passed + 1))
        if is_known_failure "$f"; then
            echo "XPASS $f: passes now; remove it from tests/known_failures.txt"
        fi
    elif [[ -f $res && $(cat "$res") == XFAIL ]]; then
        skipped=$((skipped + 1))
    else
        [[ -f $res ]] || echo "FAIL $f: no result (harness error)"
        failed=$((failed + 1))
    fi
done
if (( skipped > 0 )); then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
(( failed == 0 ))
