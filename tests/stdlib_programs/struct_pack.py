# struct: every format char, byte orders, alignment, Struct objects and struct.error messages.
import struct

print(struct.calcsize("cid"), struct.calcsize("@bq"), struct.calcsize("=bq"), struct.calcsize("bqb"))
print(struct.calcsize("0q"), struct.calcsize("b0q"), struct.calcsize("5p3x?e"), struct.calcsize("<qQnN" if False else "<qQ"))
for order in "@=<>!":
    fmt = order + "bBhHiIlLqQ?"
    data = struct.pack(fmt, -1, 255, -300, 60000, -70000, 4000000000, -5, 7, -2**63, 2**64 - 1, True)
    print(order, struct.calcsize(fmt), data.hex(), struct.unpack(fmt, data))
print(struct.pack("<nNP" if False else "nNP", -3, 5, 6).hex())
print(struct.pack(">efd", 1.5, -2.25, 3.125).hex(), struct.unpack(">efd", struct.pack(">efd", 1.5, -2.25, 3.125)))
print(struct.pack("<e", 65504.0), struct.pack("<e", 65519.0), struct.pack("<e", 1e-8), struct.pack("<e", 6e-8))
print(struct.unpack("<4e", bytes(range(8))), struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x00\xfc"))
print(struct.pack("<e", float("nan")), struct.pack("<f", float("-inf")), struct.unpack("<2f", bytes(range(8))))
print(struct.pack("3s", b"abcdef"), struct.pack("5s", b"ab"), struct.pack("3s", bytearray(b"x")))
print(struct.pack("5p", b"ab"), struct.pack("2p", b"abc"), struct.pack("0p", b"a"), struct.unpack("5p", b"\x09abcd"))
print(struct.pack("c2xc", b"a", b"b"), struct.unpack("c2xc", b"a\x00\x00b"), struct.unpack("??", b"\x00\x05"))
print(struct.pack("?", "x"), struct.pack("?", []), struct.unpack("0s", b""))

class Idx:
    def __index__(self):
        return 7

print(struct.pack("<i", Idx()), struct.pack("<d", 3), struct.pack("<Q", True))

s = struct.Struct("<ih")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"))
print(struct.Struct(b">i").format, type(s).__name__, type(s).__module__)
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
it = struct.Struct("<2h").iter_unpack(bytes(8))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))
print(struct.unpack_from("<h", b"\x00\x01\x02", 1), struct.unpack_from("<h", buffer=b"\x00\x01\x02", offset=-2))
buf = bytearray(8)
struct.pack_into("<hh", buf, 2, 1, -1)
s.pack_into(buf, -6, 9, 9)
print(buf)
print(struct.unpack("<I", memoryview(b"abcd")), struct.unpack("<H", bytearray(b"ab")))

def check(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)

for fmt, v in [("b", 200), ("B", -1), ("h", 70000), ("H", -1), ("i", 2**31), ("I", -1), ("I", 2**32), ("l", 2**63),
               ("<l", 2**31), ("<L", 2**32), ("<q", 2**63), ("<Q", -1), ("q", 2**70), ("b", "x"), ("<i", 1.5),
               ("c", 1), ("c", b"ab"), ("s", 1), ("p", 1), ("<f", 1e300), ("e", 1e10), ("d", "x"), ("<q", -1.0),
               ("zz", 1), ("3", 1), ("<n", 1), ("<P", 1), ("i 2 h", 1)]:
    check(struct.pack, fmt, v)
check(struct.pack, "ii", 1)
check(struct.pack, "ii", 1, 2, 3)
check(struct.pack, "99999999999999999999i")
check(struct.calcsize, " < i ")
check(struct.unpack, "i", b"abc")
check(struct.unpack, "2s", b"a")
check(struct.unpack, "i", "abcd")
check(struct.unpack, "i")
check(struct.unpack_from, "i", b"abc", 2)
check(struct.unpack_from, "i", b"abcdef", -10)
check(struct.unpack_from, "i", b"abcdef", 7)
check(struct.iter_unpack, "i", b"abcdef")
check(struct.iter_unpack, "", b"abcdef")
check(struct.pack_into, "i", bytearray(6), 4, 1)
check(struct.pack_into, "i", bytearray(6), -10, 1)
check(struct.pack_into, "i", bytearray(6), -2, 1)
check(struct.pack_into, "i", b"abcdef", 0, 1)
check(struct.pack_into, "i", bytearray(6))
check(struct.pack, 1)
check(struct.Struct, 1)
check(struct.pack)
try:
    struct.pack("<i", 1, x=2)
except TypeError as e:
    print(e)
print(struct.error, struct.error.__mro__)
try:
    struct.pack("<h", 10**6)
except struct.error as e:
    print("caught", e.args)
