# "sep".join(x) on a str constant is lowered to a direct runtime call (codegen/known.rs):
# every kind of argument, the errors, the recursion level it counts, str subclasses.
import sys


class S(str):
    pass


def gen(n):
    for i in range(n):
        yield str(i)


class Seq:
    def __getitem__(self, i):
        if i < 3:
            return "s%d" % i
        raise IndexError(i)


class BadIter:
    def __iter__(self):
        raise ValueError("no iter")


def joins():
    parts = []
    for w in ("ka", "lo", "mi"):
        parts.append(w)
    print("".join(parts), "-".join(parts), ", ".join(tuple(parts)))
    print("+".join(gen(4)), "|".join(Seq()), "".join([]), "x".join(["only"]))
    print(":".join({"b": 1, "a": 2}), "".join(c for c in "abc" if c != "b"))
    print("é".join(["ü", "a"]), len("€".join(["1", "2", "3"])))
    one = S("sub")
    r = "".join([one])
    print(r, type(r).__name__, r == one, type("".join((one, one))).__name__)
    same = "solo"
    print("".join([same]) is same)
    for bad in ([1, 2], ["a", 2], ["a", b"b"], 5, None):
        try:
            "".join(bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        ",".join(BadIter())
    except ValueError as e:
        print("ValueError:", e)
    try:
        "".join()
    except TypeError as e:
        print("TypeError:", e)
    try:
        "".join(["a"], ["b"])
    except TypeError as e:
        print("TypeError:", e)
    try:
        "".join(iterable=["a"])
    except TypeError as e:
        print("TypeError:", e)


joins()

fails = 0


def deep():
    """At the recursion limit the join itself raises RecursionError (CPython counts a
    level for the METH_O call): the innermost frame's join fails once."""
    global fails
    try:
        return deep()
    except RecursionError:
        try:
            return "".join(["a", "b"])
        except RecursionError:
            fails += 1
            raise


sys.setrecursionlimit(200)
print(deep(), fails)
