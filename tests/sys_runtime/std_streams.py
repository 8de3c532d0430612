# sys.stdin/stdout/stderr are io.TextIOWrapper objects over buffered binary streams,
# as in CPython. (Nothing printed depends on PYTHONUNBUFFERED: stdout is reconfigured
# first so that text waits in the wrapper in both cases.)
import io
import sys

sys.stdout.reconfigure(line_buffering=False, write_through=False)
print(type(sys.stdout).__name__, isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdin, io.TextIOBase))
print(isinstance(sys.stdout.buffer, (io.BufferedWriter, io.FileIO)), type(sys.stdin.buffer).__name__)
raw = getattr(sys.stdout.buffer, "raw", sys.stdout.buffer)
print(type(raw).__name__, raw.closefd, raw.mode, raw.name, raw.fileno())
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdin.errors, sys.stderr.encoding)
print(sys.stdout.line_buffering, sys.stdin.line_buffering)
print(sys.stdout.mode, sys.stdin.mode, sys.stderr.mode, sys.stdout.name, sys.stderr.name, sys.stdin.name)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.isatty(), sys.stdin.isatty())
print(sys.stdout.readable(), sys.stdout.writable(), sys.stdin.readable(), sys.stdin.writable())
print(repr(sys.stdout))
print(repr(sys.stderr))
print(repr(sys.stdin))
print(repr(sys.stdin.buffer), repr(sys.stdin.buffer.raw))
print(sys.stdout is sys.__stdout__, sys.stdin is sys.__stdin__, sys.stderr is sys.__stderr__)
print(sys.stdout.newlines, sys.stdout.closed)

# Bytes written to .buffer overtake text still waiting in the wrapper.
print("a")
sys.stdout.buffer.write(b"x\n")
print("b")
sys.stdout.flush()
sys.stdout.buffer.write(b"y\n")
print("c", flush=True)
sys.stdout.buffer.write(b"z\n")
sys.stdout.flush()
print(sys.stdout.write("w\n"))
sys.stdout.writelines(["l1\n", "l2\n"])

# line_buffering: every newline pushes the text down.
sys.stdout.reconfigure(line_buffering=True)
print(sys.stdout.line_buffering)
print("d")
sys.stdout.buffer.write(b"e\n")
sys.stdout.reconfigure(line_buffering=False)

# Encoding and error handler changes.
sys.stdout.reconfigure(encoding="ascii", errors="replace")
print(sys.stdout.encoding, sys.stdout.errors, "caf\u00e9")
sys.stdout.reconfigure(errors="backslashreplace")
print("caf\u00e9 \u20ac")
sys.stdout.reconfigure(errors="strict")
try:
    print("caf\u00e9")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
sys.stdout.reconfigure(encoding="utf-8")
print("caf\u00e9", sys.stdout.errors)
sys.stdout.reconfigure(encoding="latin-1")
sys.stdout.flush()
print("\u00e9t\u00e9")
sys.stdout.reconfigure(encoding="utf-8")

sys.stderr.write("to stderr\n")
print("from stdin:", repr(sys.stdin.read()), repr(sys.stdin.readline()))

for what, call in [
    ("write bytes", lambda: sys.stdout.write(b"x")),
    ("write int", lambda: sys.stdout.write(3)),
    ("stdin write", lambda: sys.stdin.write("x")),
    ("stdout read", lambda: sys.stdout.read()),
    ("bad errors", lambda: sys.stdout.reconfigure(errors=3)),
    ("bad newline", lambda: sys.stdout.reconfigure(newline="x")),
    ("bad kw", lambda: sys.stdout.reconfigure(spam=1)),
]:
    try:
        call()
        print(what, "ok")
    except Exception as e:
        print(what, type(e).__name__, e)

# The standard streams can be replaced and restored.
saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
text = sys.stdout.getvalue()
sys.stdout = saved
print("got", repr(text))
print("end", end="!\n", flush=True)
