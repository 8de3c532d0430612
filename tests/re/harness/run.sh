#!/usr/bin/env bash
# Runs the tests/re differential tests while `import re` cannot be built (re/__init__.py
# imports enum): builds a temporary standard-library folder of symlinks to CPython's Lib
# whose re/__init__.py is re_init.py (the real re._parser, re._compiler, re._constants and
# re._casefix are used unchanged), then runs tests/run.sh with pyc pointed at it.
# Usage: tests/re/harness/run.sh [run.sh options]
set -eu
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
lib="$(python3 -c 'import os, re; print(os.path.dirname(os.path.dirname(re.__file__)))')"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/lib" "$tmp/lib/re"
for f in "$lib"/*; do
    [[ $(basename "$f") == re ]] || ln -s "$f" "$tmp/lib/"
done
for f in _constants _parser _compiler _casefix; do
    ln -s "$lib/re/$f.py" "$tmp/lib/re/$f.py"
done
cp "$here/re_init.py" "$tmp/lib/re/__init__.py"
printf '#!/bin/bash\nexec "%s" "$@" --python-lib "%s"\n' "$root/target/release/pyc" "$tmp/lib" > "$tmp/pyc"
chmod +x "$tmp/pyc"
# The tests are listed as known failures until `import re` works: run them by path.
cd "$root"
PYC="$tmp/pyc" tests/run.sh "$@" tests/re/
