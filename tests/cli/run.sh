#!/usr/bin/env bash
# Golden tests of pyc's command line: every tests/cli/cases/<name>.sh runs (bash, from
# tests/cli/data, with $PYC = the compiler and $T = a fresh scratch folder) and its stdout,
# stderr and exit status, with the data folder's path replaced by "<data>", must equal
# tests/cli/cases/<name>.expected.
#
# Usage: tests/cli/run.sh [--bless] [-v] [PATTERN...]
#   --bless   rewrite the .expected files from the actual output (review the diff!)
#   -v        show a diff for each failure
# Environment: PYC (default target/release/pyc). Objects are cached in a private cache
# folder per case unless the case sets PYC_CACHE_DIR itself.
# The last line printed is "N passed, M failed"; exit status 0 iff M == 0.

set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="$ROOT/tests/cli/data"
CASES="$ROOT/tests/cli/cases"
PYC="$(cd "$ROOT" && realpath "${PYC:-target/release/pyc}")"
export PYC

BLESS=0 VERBOSE=0 patterns=()
for a in "$@"; do
    case "$a" in
        --bless) BLESS=1 ;;
        -v) VERBOSE=1 ;;
        *) patterns+=("$a") ;;
    esac
done

selected() {
    local name="$1" p
    (( ${#patterns[@]} == 0 )) && return 0
    for p in "${patterns[@]}"; do [[ $name == *"$p"* ]] && return 0; done
    return 1
}

pass=0 fail=0
for case in "$CASES"/*.sh; do
    name="$(basename "$case" .sh)"
    selected "$name" || continue
    T="$(mktemp -d)"
    actual="$T/.actual"
    (
        cd "$DATA" || exit 99
        export T PYC_CACHE_DIR="$T/cache"
        bash "$case" > "$T/.stdout" 2> "$T/.stderr" < /dev/null
        st=$?
        { echo "--- stdout"; cat "$T/.stdout"; echo "--- stderr"; cat "$T/.stderr"; echo "--- status $st"; }
    ) | sed -e "s|$DATA/||g" -e "s|$DATA|<data>|g" -e "s|$T|<tmp>|g" > "$actual"
    expected="$CASES/$name.expected"
    if (( BLESS )); then
        cp "$actual" "$expected"
    fi
    if cmp -s "$expected" "$actual"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL tests/cli/cases/$name.sh"
        (( VERBOSE )) && diff -u --label expected --label actual "$expected" "$actual"
    fi
    rm -rf "$T"
done
echo "$pass passed, $fail failed"
(( fail == 0 ))
