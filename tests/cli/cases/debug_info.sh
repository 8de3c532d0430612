# -g: gdb stops at a Python line and its backtrace names the Python functions and lines.
# `outer` shows twice: its body inlined into its register entry, which the runtime's
# frame entry calls (both are outer's code, at the same line).
"$PYC" build -g crash.py -o "$T/c" || exit
gdb -nx -batch -ex "break crash.py:2" -ex run -ex bt "$T/c" 2>&1 | grep -o "[A-Za-z_<>.]* () at crash.py:[0-9]*"
