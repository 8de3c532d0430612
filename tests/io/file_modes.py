# open() in every mode: round trips, appending, exclusive creation, update modes,
# binary, newline handling, seek/tell, encodings and error handlers.
import os

d = "_pyc_io_modes_%d" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "f.txt")

with open(p, "w") as f:
    print(f.write("one\ntwo\n"), f.tell(), f.mode, f.encoding, f.closed)
print(f.closed)
with open(p, "a") as f:
    f.write("three\n")
with open(p) as f:
    print(f.read().split("\n"))
with open(p) as f:
    for line in f:
        print(repr(line))
with open(p) as f:
    print(f.readline(), f.tell(), repr(f.read(3)), f.tell())
    f.seek(0)
    print(f.readlines())
    print(f.seek(0, 2), repr(f.read()))

with open(p, "r+") as f:
    f.write("ONE")
    f.seek(0)
    print(repr(f.read()))
with open(p, "w+") as f:
    print(repr(f.read()))
    f.write("fresh")
    f.seek(0)
    print(repr(f.read()), f.tell())
with open(p, "a+") as f:
    f.write("!")
    f.seek(0)
    print(repr(f.read()))

q = os.path.join(d, "new.txt")
with open(q, "x") as f:
    f.write("created")
try:
    open(q, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno)

# binary
with open(p, "wb") as f:
    print(repr(f).replace(d, "DIR"), f.write(b"\x00\x01line\r\nmore\rend\n"), f.mode)
with open(p, "rb") as f:
    print(f.read(2), f.tell(), f.readline(), f.peek(1)[:1], f.read())
with open(p, "rb") as f:
    print(list(f))
with open(p, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(3), f.mode, f.readall())
with open(p, "r+b") as f:
    f.seek(2)
    f.write(b"LINE")
    f.seek(0)
    print(f.read(), f.mode)

# newline handling
with open(p, "w", newline="") as f:
    f.write("a\r\nb\rc\nd")
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(p, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines if nl is None else "")
with open(p, "w", newline="\r\n") as f:
    f.write("x\ny\n")
with open(p, "rb") as f:
    print(f.read())

# encodings
with open(p, "w", encoding="latin-1") as f:
    f.write("caf\xe9")
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="latin-1") as f:
    print(f.read(), f.encoding)
with open(p, "w", encoding="utf-8") as f:
    f.write("h\u00e9llo \u20ac \U0001F600\n")
with open(p, encoding="utf-8") as f:
    s = f.read()
    print(len(s), s.strip() == "h\u00e9llo \u20ac \U0001F600")
with open(p, "rb") as f:
    print(len(f.read()))
with open(p, encoding="ascii", errors="replace") as f:
    print(repr(f.read()))
with open(p, encoding="ascii", errors="ignore") as f:
    print(repr(f.read()))
try:
    with open(p, encoding="ascii") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
with open(p, "w", encoding="ascii", errors="backslashreplace") as f:
    f.write("\xe9\u20ac")
with open(p) as f:
    print(f.read())

# big text crosses buffer boundaries; multi-byte chars straddle chunks
text = "".join("line %d \u00e9\u20ac\n" % i for i in range(3000))
with open(p, "w") as f:
    f.write(text)
with open(p) as f:
    back = f.read()
print(back == text, len(back))
with open(p) as f:
    n = sum(1 for _ in f)
    print(n, f.tell() == os.path.getsize(p))

for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
print(os.path.exists(d))
