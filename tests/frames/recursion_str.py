"""RecursionError at the limit around str(): CPython 3.11 counts a level for the str
conversion of anything but an exact str (" while getting the str of an object"), also
for types whose str is their repr (int) and for exceptions; the repr counts its own."""
import sys

sys.setrecursionlimit(200)


def probe(name, call):
    depth = 0

    def rec(n):
        nonlocal depth
        depth = n
        call(n)
        rec(n + 1)

    try:
        rec(1)
    except RecursionError as e:
        print(f"{name:12} depth {depth} {e}")


class WithStr:
    def __str__(self):
        return "w"


class WithRepr:
    def __repr__(self):
        return "r"


err = ValueError("x")
probe("str(int)", lambda n: str(n))
probe("str(exc)", lambda n: str(err))
probe("str(str)", lambda n: str("a"))
probe("str(float)", lambda n: str(1.5))
probe("str(list)", lambda n: str([1]))
probe("str(__str__)", lambda n: str(WithStr()))
probe("str(__repr__)", lambda n: str(WithRepr()))
probe("repr(int)", lambda n: repr(n))
# str() counts one level and calls the type's repr directly when it has no str of its
# own; a container's repr counts a level per item repr
for name, v in [("big", 10**30), ("bool", True), ("complex", 1j), ("tuple", (1,)),
                ("dict", {}), ("set", {1}), ("bytes", b"a"), ("None", None),
                ("object", object()), ("range", range(2)), ("type", int),
                ("frozenset", frozenset()), ("slice", slice(1))]:
    probe("str " + name, lambda n, v=v: str(v))


# a handler at the limit: the str of the caught exception is one more level
def h(n):
    try:
        return h(n + 1)
    except RecursionError:
        try:
            return ("ok", n, len([1]), abs(-1), list(range(3)))
        except RecursionError as e:
            return ("rec", n, str(e))


print(h(0))


class BadRepr:
    def __repr__(self):
        return 5


for conv in (str, repr):
    try:
        conv(BadRepr())
    except TypeError as e:
        print(conv.__name__, e)
