# `ord(c)` of a one-character ASCII str is read inline; every other argument must get
# CPython's result or TypeError, and a rebound `ord` must be called.

total = 0
for ch in "hello, world;=\x00\x7f":
    total = (total * 131 + ord(ch)) % 1000000007
print(total)
for c in ["é", "ß", "\U0001F600", "\uffff", "\x80", "\ud800"]:
    print(ord(c))


class S(str):
    pass


print(ord(S("a")), ord(b"a"))
for bad in ["", "ab", "\U0001F600x", 5, None, b"", b"ab", S("ab")]:
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError:", e)
print([ord(x) for x in "abc"])


def shadow():
    ord = lambda c: "shadowed " + c
    return ord("a")


print(shadow())
import builtins

saved = builtins.ord
builtins.ord = lambda c: -1
print(ord("a"))
builtins.ord = saved
print(ord("a"))
ord = len
print(ord("abc"))
del ord
print(ord("a"))


def deep(n):
    try:
        return deep(n + 1)
    except RecursionError:
        try:
            return ord("a")
        except RecursionError:
            return "ord raised RecursionError"


print(deep(0) in (97, "ord raised RecursionError"))


# bytes-like arguments: bytes and bytearray (and subclasses) of length 1, no other buffer
class BA(bytearray):
    pass


print(ord(bytearray(b"z")), ord(BA(b"q")), ord(b"\xff"))
for v in (bytearray(b""), bytearray(b"ab"), memoryview(b"a")):
    try:
        ord(v)
    except TypeError as e:
        print("TypeError:", e)
