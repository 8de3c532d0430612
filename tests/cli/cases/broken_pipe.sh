# `./app | head -1` as with CPython: SIGPIPE is ignored, the failed write raises
# BrokenPipeError (uncaught: traceback and status 1; caught: the program goes on).
"$PYC" build -O0 pipe_writer.py -o "$T/w" >/dev/null
"$PYC" build -O0 pipe_catcher.py -o "$T/c" >/dev/null
"$T/w" 2>"$T/err" | head -1
echo "writer status ${PIPESTATUS[0]}"
cat "$T/err"
"$T/c" 2>"$T/err" | head -1
echo "catcher status ${PIPESTATUS[0]}"
cat "$T/err"
