"$PYC" build hello.py --emit asm -o "$T/h.s" && grep -c "^main:" "$T/h.s"
"$PYC" build hello.py --emit llvm-ir -o "$T/h.ll" && grep -c "define .*@main(" "$T/h.ll"
"$PYC" build hello.py --emit obj -o "$T/h.o" && od -An -c -N4 "$T/h.o" | tr -d " "
"$PYC" build hello.py --emit bytecode | head -n 3
