#!/usr/bin/env bash
# Re-record the expected results of the differential tests with CPython 3.11.
#
# Usage: tests/regen.sh [--check] [PATTERN...]
#
# For every tests/<topic>/<name>.py and examples/<name>.py (or those whose path
# contains a PATTERN) runs, from the repository root,
#     python3 tests/<topic>/<name>.py ARGS < STDIN
# with PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8 and writes
# <name>.out, <name>.err and <name>.status next to the source.
# ARGS come from <name>.args (one line, space-separated), STDIN from <name>.stdin
# (default /dev/null).
#
#   --check   do not write anything: run each test twice and report every test
#             whose two runs differ, or whose result differs from the recorded files
#             (determinism / staleness check). Exit status 1 if any differ.
#
# Set PYTHON to use another interpreter (it must still be CPython 3.11.x).

set -u
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2
# CPython 3.11 prints the absolute script path in tracebacks; strip "<repo root>/" so the
# recorded files read File "tests/<topic>/<name>.py" wherever the checkout lives
# (tests/run.sh normalizes the compiled program's output the same way).
ROOT_PHYS="$(pwd -P)"
normalize() {
    local r sedargs=()
    for r in "$ROOT_PHYS" "$ROOT"; do
        sedargs+=(-e "s/$(printf '%s/' "$r" | sed 's/[]\/$*.^[]/\\&/g')//g")
    done
    sed -i "${sedargs[@]}" "$1"
}
: "${PYTHON:=python3}"

ver="$("$PYTHON" --version 2>&1)"
case "$ver" in
    "Python 3.11."*) ;;
    *) echo "regen.sh: need CPython 3.11.x, but $PYTHON is: $ver" >&2; exit 2 ;;
esac
if ! "$PYTHON" -c 'import sys, platform; sys.exit(platform.python_implementation() != "CPython")'; then
    echo "regen.sh: $PYTHON is not CPython" >&2; exit 2
fi

CHECK=0
patterns=()
for a in "$@"; do
    case "$a" in
        --check) CHECK=1 ;;
        -*) echo "regen.sh: unknown option $a" >&2; exit 2 ;;
        *) patterns+=("$a") ;;
    esac
done

all=()
while IFS= read -r f; do all+=("$f"); done < <(
    { find tests -mindepth 2 -maxdepth 2 -name '*.py' -not -path 'tests/out/*'
      find examples -mindepth 1 -maxdepth 1 -name '*.py' 2>/dev/null; } | LC_ALL=C sort)

# record SRC DEST_PREFIX: run SRC under CPython, write DEST_PREFIX.{out,err,status}
record() {
    local src="$1" dest="$2" rel="${1%.py}"
    local -a args=()
    if [[ -f "$rel.args" ]]; then read -r -a args < "$rel.args" || true; fi
    local stdin_file=/dev/null
    [[ -f "$rel.stdin" ]] && stdin_file="$rel.stdin"
    env -u PYC_INTERP PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 LC_ALL=C.UTF-8 \
        PYTHONDONTWRITEBYTECODE=1 \
        timeout 60 "$PYTHON" "$src" "${args[@]}" \
        < "$stdin_file" > "$dest.out" 2> "$dest.err"
    echo $? > "$dest.status"
    normalize "$dest.out"
    normalize "$dest.err"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
bad=0
for f in "${all[@]}"; do
    if (( ${#patterns[@]} )); then
        hit=0
        for p in "${patterns[@]}"; do [[ $f == *"$p"* ]] && { hit=1; break; }; done
        (( hit )) || continue
    fi
    rel="${f%.py}"
    n=$((n + 1))
    if (( CHECK )); then
        record "$f" "$tmp/a"
        record "$f" "$tmp/b"
        for ext in out err status; do
            if ! cmp -s "$tmp/a.$ext" "$tmp/b.$ext"; then
                echo "NONDETERMINISTIC $f: .$ext differs between two runs"; bad=$((bad + 1))
            elif ! cmp -s "$tmp/a.$ext" "$rel.$ext"; then
                echo "STALE $f: recorded .$ext differs from CPython"; bad=$((bad + 1))
            fi
        done
    else
        record "$f" "$rel"
        st="$(cat "$rel.status")"
        echo "recorded $f (status $st)"
    fi
done
if (( CHECK )); then
    echo "$n checked, $bad problems"
    (( bad == 0 ))
else
    echo "$n recorded"
fi
