# Hello world's size bound, and what keeps it: `main` enables no built-in method table,
# no gated builtin and not the `_io` types' full specs for a program that never spells a
# method, a gated builtin or a way to an `_io` object (pyc_frontend::method_tables), and a stripped
# executable links pyrt_no_backtrace.o instead of std's backtrace printer
# (runtime/no_backtrace.c). A program that spells a method, or misspells one (the
# AttributeError suggestion lists it), enables that type's table; one that can compute
# attribute names enables all of them. A builtin is enabled by its name (or a near miss:
# NameError suggests it), the `_io` types by a std stream's name.
# The bytecode interpreter is linked only through `pyrt_enable_interp`: hello world
# leaves it out (PYC_INTERP=1 then warns and runs natively), `--with-interp` and
# `--interp` (nothing native) call it. Only a program that can import multiprocessing
# treats `-c "from multiprocessing...."` arguments as a child's command line (runtime
# mp_child.rs); hello world just sees them in sys.argv. printf-style formatting is
# linked only by a `%` operator or a `__mod__`/`operator.mod` spelling.
enablers() { grep -o 'call void @pyrt_\(methods_[a-z]*\|builtins_[a-z]*\|enable_all_methods\|enable_interp\)()' "$1" | sed 's/call void @//; s/()//' | sort | tr '\n' ' '; echo; }
"$PYC" build hello.py -o "$T/h" || exit
"$T/h"
size=$(stat -c %s "$T/h")
if [ "$size" -lt 1500000 ]; then echo "hello world: under 1,500,000 bytes"; else echo "hello world: $size bytes"; fi
PYC_INTERP=1 "$T/h"
"$T/h" -c "from multiprocessing.spawn import spawn_main; spawn_main()" --multiprocessing-fork
"$PYC" build --with-interp hello.py -o "$T/hi" || exit
PYC_INTERP=1 "$T/hi"
isize=$(stat -c %s "$T/hi")
if [ "$isize" -gt $((size + 50000)) ]; then echo "with-interp: the interpreter adds over 50,000 bytes"; else echo "with-interp: $((isize - size)) bytes more"; fi
"$PYC" build --emit llvm-ir --interp hello.py -o "$T/hint.ll" || exit
echo "hello --interp: [$(enablers "$T/hint.ll")]"
"$PYC" build --emit llvm-ir hello.py -o "$T/h.ll" || exit
echo "hello: [$(enablers "$T/h.ll")]"
printf 'print("a".upper())\n' > "$T/upper.py"
"$PYC" build --emit llvm-ir "$T/upper.py" -o "$T/upper.ll" || exit
echo "upper: [$(enablers "$T/upper.ll")]"
printf 'print((1.5).is_integr())\n' > "$T/typo.py"
"$PYC" build --emit llvm-ir "$T/typo.py" -o "$T/typo.ll" || exit
echo "typo: [$(enablers "$T/typo.ll")]"
printf 'print(getattr("a", "upper")())\n' > "$T/computed.py"
"$PYC" build --emit llvm-ir "$T/computed.py" -o "$T/computed.ll" || exit
echo "computed: [$(enablers "$T/computed.ll")]"
printf 'print(sortd([2, 1]))\n' > "$T/sortd.py"
"$PYC" build --emit llvm-ir "$T/sortd.py" -o "$T/sortd.ll" 2>/dev/null || exit
echo "sortd: [$(enablers "$T/sortd.ll")]"
printf 'import sys\nsys.stdout.write("x")\n' > "$T/stream.py"
"$PYC" build --emit llvm-ir "$T/stream.py" -o "$T/stream.ll" || exit
echo "stream: [$(enablers "$T/stream.ll")]"
printf 'c = (lambda: 0).__code__\nprint(c.replace(co_name="f").co_name)\n' > "$T/code.py"
"$PYC" build --emit llvm-ir "$T/code.py" -o "$T/code.ll" || exit
echo "code: [$(enablers "$T/code.ll")]"
"$PYC" build "$T/code.py" -o "$T/code" && "$T/code"
percent() { grep -c 'call void @pyrt_enable_percent_format()' "$1"; }
printf 'x = 5\nprint("%%d" %% x)\n' > "$T/pct.py"
printf 'import operator\nprint(operator.mod("%%d", 5))\n' > "$T/opmod.py"
"$PYC" build --emit llvm-ir "$T/pct.py" -o "$T/pct.ll" && "$PYC" build --emit llvm-ir "$T/opmod.py" -o "$T/opmod.ll" || exit
echo "percent formatting: hello $(percent "$T/h.ll"), % $(percent "$T/pct.ll"), operator.mod $(percent "$T/opmod.ll")"
