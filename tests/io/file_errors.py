# open()/io error paths with CPython's exception types and messages.
import io
import os

d = "_pyc_io_errors_%d" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("data\n")


def attempt(fn):
    try:
        r = fn()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", str(e).replace(d, "DIR"))


attempt(lambda: open(os.path.join(d, "missing.txt")))
attempt(lambda: open(d))
attempt(lambda: open(p, "rw"))
attempt(lambda: open(p, "rr"))
attempt(lambda: open(p, "q"))
attempt(lambda: open(p, "tb"))
attempt(lambda: open(p, "b"))
attempt(lambda: open(p, "rb", encoding="utf-8"))
attempt(lambda: open(p, "rb", newline=""))
attempt(lambda: open(p, "r", buffering=0))
attempt(lambda: open(p, newline="x"))
attempt(lambda: open(p, encoding="no-such-codec"))
attempt(lambda: open([]))
attempt(lambda: open(p, 5))

f = open(p)
attempt(lambda: f.write("x"))
f.close()
attempt(lambda: f.read())
attempt(lambda: f.readline())
attempt(lambda: next(iter(f)))
attempt(lambda: f.closed)

g = open(p, "w")
attempt(lambda: g.read())
g.close()
attempt(lambda: g.write("x"))

h = open(p, "rb")
attempt(lambda: h.write(b"x"))
h.close()
attempt(lambda: h.read())
attempt(lambda: h.readline())
attempt(lambda: h.peek())
attempt(lambda: h.seek(0))
attempt(lambda: h.tell())
attempt(lambda: h.flush())
k = open(p, "wb")
attempt(lambda: k.read())
attempt(lambda: k.write("text"))
k.close()
r = open(p, "rb", buffering=0)
attempt(lambda: r.write(b"x"))
r.close()
attempt(lambda: r.read())

with open(p) as f:
    attempt(lambda: f.seek(1, 1))
    attempt(lambda: f.seek(-1))
    attempt(lambda: f.seek(0, 5))
attempt(lambda: io.StringIO().fileno())
attempt(lambda: io.StringIO(b"x"))
attempt(lambda: io.StringIO().write(b"x"))
attempt(lambda: io.BytesIO().write("x"))
b = io.BytesIO(b"abc")
b.close()
attempt(lambda: b.read())
attempt(lambda: b.getvalue())
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))

os.remove(p)
os.rmdir(d)
