# As CPython: stdout is flushed (errors ignored, bytes kept) before an uncaught exception
# is printed, so buffered output precedes the traceback; when stdout cannot be written,
# the flush at exit fails again: "Exception ignored in: <stdout>" and status 120.
# time.sleep does not flush stdout.
"$PYC" build -O0 exit_paths.py -o "$T/p" >/dev/null
for mode in raise exit sleep; do
    echo "== $mode, 2>&1 | cat"
    env -u PYTHONUNBUFFERED "$T/p" $mode 2>&1 | cat
    echo "status ${PIPESTATUS[0]}"
    echo "== $mode, > /dev/full"
    env -u PYTHONUNBUFFERED "$T/p" $mode 2>&1 >/dev/full
    echo "status $?"
done
