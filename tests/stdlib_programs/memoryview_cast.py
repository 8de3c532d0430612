# memoryview.cast to non-byte formats: items, tolist, slicing, assignment, attributes, errors.
b = bytearray(range(8))
m = memoryview(b).cast("H")
print(m.format, m.itemsize, m.nbytes, m.shape, m.strides, len(m), m.tolist(), m[1], m[-1])
print(m[::2].tolist(), m[::2].strides, m[::-1].tolist(), m[1:3].tolist(), list(m))
m[0] = 65535
print(b, m.tobytes(), m.hex(), m.cast("B").tolist()[:3])
m[1:3] = memoryview(bytearray(4)).cast("H")
print(b)
print(m == memoryview(bytes(b)).cast("H"), m == bytes(b), m.cast("B") == bytes(b))
print(memoryview(b"\x00\x00\x80?\x00\x00\x00@").cast("f").tolist())
print(memoryview(bytes(range(16))).cast("d").tolist()[0], memoryview(b"\xff\x01").cast("b").tolist())
print(memoryview(b"\xff\x01").cast("?").tolist(), memoryview(b"\xff\x01").cast("c").tolist())
print(memoryview(bytes(range(8))).cast("@I").tolist(), memoryview(bytes(range(16))).cast("q").tolist())
print(memoryview(bytes(range(16))).cast("Q", [2]).tolist(), memoryview(b"\xff" * 8).cast("l").tolist())
# re's charset compiler does exactly this:
print(memoryview(bytes(range(16))).cast("I").tolist())

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

check(lambda: m.cast("I"))
check(lambda: memoryview(b"abc").cast("H"))
check(lambda: memoryview(b).cast("x"))
check(lambda: memoryview(b).cast("<H"))
check(lambda: memoryview(b).cast("e"))
check(lambda: memoryview(b).cast("H", [3]))
check(lambda: hash(memoryview(bytes(4)).cast("H")))
check(lambda: m.__setitem__(0, -1))
check(lambda: m.__setitem__(0, "x"))
check(lambda: m.__setitem__(9, 1))
check(lambda: memoryview(b).cast("f").__setitem__(0, "x"))
check(lambda: memoryview(b).cast("c").__setitem__(0, b"ab"))
check(lambda: m[::2].cast("B"))
check(lambda: m.__setitem__(slice(0, 2), b"abcd"))
check(lambda: memoryview(bytes(4)).cast("H").__setitem__(0, 1))
mf = memoryview(bytearray(8)).cast("d")
mf[0] = 2.5
print(mf[0], mf.tolist())
mc = memoryview(bytearray(b"xy")).cast("c")
mc[1] = b"z"
print(mc.tolist(), mc.obj)
