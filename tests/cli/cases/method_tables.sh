# Hello world's size bound, and what keeps it: `main` enables no built-in method table
# for a program that never spells a method (pyc_frontend::method_tables), and a stripped
# executable links pyrt_no_backtrace.o instead of std's backtrace printer
# (runtime/no_backtrace.c). A program that spells a method, or misspells one (the
# AttributeError suggestion lists it), enables that type's table; one that can compute
# attribute names enables all of them.
enablers() { grep -o 'call void @pyrt_\(methods_[a-z]*\|enable_all_methods\)()' "$1" | sed 's/call void @//; s/()//' | sort | tr '\n' ' '; echo; }
"$PYC" build hello.py -o "$T/h" || exit
"$T/h"
size=$(stat -c %s "$T/h")
if [ "$size" -lt 1900000 ]; then echo "hello world: under 1,900,000 bytes"; else echo "hello world: $size bytes"; fi
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
