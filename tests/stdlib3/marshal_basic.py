# marshal round trips of the plain value types, a few exact encodings, error paths.
import marshal

values = [
    None, True, False, ..., StopIteration, 0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
    2**100, -(3**80), 1.5, -0.0, float("inf"), 1e300, 3 + 4j, "", "abc", "héllo wörld ☃",
    "x" * 300, b"", b"\x00\xffbytes", (), (1, "two", 3.0), [1, [2, [3]]],
    {"a": 1, "b": [2, 3], 4: (5,)}, {1, 2, 3}, frozenset({"x"}), frozenset(),
    ((), [], {}), [None] * 3,
]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(repr(back), back == v or v != v, type(back).__name__)

print(marshal.version)
for v in [None, True, False, ..., 0, (), b"ab"]:
    print(marshal.dumps(v))
print(marshal.loads(b"\xe9\x07\x00\x00\x00"), marshal.loads(b"i\x07\x00\x00\x00"))
print(marshal.loads(b"z\x03abc"), marshal.loads(b"l\x02\x00\x00\x00\x01\x00\x01\x00"))
print(marshal.loads(bytearray(b"N")), marshal.loads(memoryview(b"T")))

# shared objects are written once and come back shared
shared = [1, 2]
pair = marshal.loads(marshal.dumps([shared, shared]))
print(pair, pair[0] is pair[1])
print(marshal.loads(marshal.dumps(bytearray(b"ba"))))

# file interface
import io
buf = io.BytesIO()
marshal.dump({"k": [1, 2.5]}, buf)
marshal.dump("second", buf)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf))


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: marshal.dumps(object()))
show(lambda: marshal.dumps([1, {2: print}]))
class I(int):
    pass
show(lambda: marshal.dumps(I(3)))
show(lambda: marshal.loads(b""))
show(lambda: marshal.loads(b"i\x01"))
show(lambda: marshal.loads(b"\x01"))
show(lambda: marshal.loads("text"))
show(lambda: marshal.load(io.BytesIO(b"")))
show(lambda: marshal.dumps(1, 2, 3))
deep = []
for _ in range(3000):
    deep = [deep]
show(lambda: marshal.dumps(deep))
show(lambda: marshal.dumps())
show(lambda: marshal.dump(1))
show(lambda: marshal.loads())
show(lambda: marshal.load())
show(lambda: marshal.dumps(1, version=2))
print(marshal.loads(marshal.dumps([1.25, 2j, "v2"], 1)), marshal.dumps(2.5, 1))
