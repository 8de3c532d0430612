#!/bin/sh
# Usage: runtime/no_backtrace.sh LIB.a STUB.o
# Detaches Rust std's backtrace printer from the runtime archive LIB.a and compiles the
# stub that replaces it in stripped executables (why: runtime/no_backtrace.c). The
# printer is renamed `pyrt_rust_backtrace_fmt` and made weak, so an executable linked
# without the stub keeps std's printer exactly as before. Idempotent. If the printer
# cannot be found (another toolchain's std), LIB.a is left alone and no stub is made:
# executables are then only bigger.
set -eu
lib=$1 stub=$2
if ! command -v objcopy >/dev/null || ! command -v readelf >/dev/null; then
    echo "no_backtrace.sh: objcopy/readelf not found; executables keep std's backtrace printer" >&2
    rm -f "$stub"
    exit 0
fi
syms=$(readelf -sW "$lib" 2>/dev/null | awk '$5 == "GLOBAL" || $5 == "WEAK" { print $NF }')
if ! printf '%s\n' "$syms" | grep -qx pyrt_rust_backtrace_fmt; then
    sym=$(printf '%s\n' "$syms" | grep -x '_R[A-Za-z0-9_]*16DisplayBacktrace[A-Za-z0-9_]*7Display3fmt' | sort -u)
    if [ "$(printf '%s\n' "$sym" | grep -c .)" != 1 ]; then
        echo "no_backtrace.sh: std's backtrace printer not found (once) in $lib; executables keep it" >&2
        rm -f "$stub"
        exit 0
    fi
    # into a new file, renamed over LIB.a: a reader never sees a half-written archive
    objcopy --redefine-sym "$sym=pyrt_rust_backtrace_fmt" --weaken-symbol=pyrt_rust_backtrace_fmt "$lib" "$lib.tmp$$"
    mv -f "$lib.tmp$$" "$lib"
fi
${CC:-cc} -O2 -c "$(dirname "$0")/no_backtrace.c" -o "$stub"
