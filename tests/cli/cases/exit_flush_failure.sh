# A stdout flush that fails only at exit: as CPython, "Exception ignored in: <stdout>"
# with the BrokenPipeError, and exit status 120 whatever the program's own status was.
"$PYC" build -O0 late_writer.py -o "$T/w" >/dev/null
env -u PYTHONUNBUFFERED "$T/w" 2>"$T/err" | true
echo "status ${PIPESTATUS[0]}"
cat "$T/err"
