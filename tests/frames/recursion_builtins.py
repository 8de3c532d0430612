"""RecursionError depth and message around builtin calls: CPython 3.11's specialized calls
count no recursion level for METH_FASTCALL builtins and classes with vectorcall (len,
isinstance, getattr, dict.get, list(), range(): its bounds comparison only), one for
METH_O / METH_NOARGS / METH_VARARGS builtins and methods and classes without vectorcall
(abs, max, str.upper, int()) with " while calling a Python object"; list.append as a
statement is specialized and counts none."""
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


d = {1: 2}
lst = []
probe("plain", lambda n: None)
probe("len", lambda n: len("ab"))
probe("isinstance", lambda n: isinstance(n, int))
probe("getattr", lambda n: getattr(n, "real"))
probe("dict.get", lambda n: d.get(n, 0))
probe("list()", lambda n: list((1, 2)))
probe("range()", lambda n: range(n))
probe("tuple()", lambda n: tuple([1]))
probe("abs", lambda n: abs(-n))
probe("max", lambda n: max(n, 3))
probe("min", lambda n: min(n, 3))
probe("int()", lambda n: int("5"))
probe("sorted", lambda n: sorted((2, 1)))
probe("sum", lambda n: sum((1, 2)))
probe("ord", lambda n: ord("a"))
probe("chr", lambda n: chr(65))
probe("hash", lambda n: hash(n))
probe("repr", lambda n: repr(n))
probe("id", lambda n: id(n))
probe("iter", lambda n: iter(()))
probe("divmod", lambda n: divmod(n, 3))
probe("pow", lambda n: pow(n, 2))
probe("hasattr", lambda n: hasattr(n, "x"))
probe("callable", lambda n: callable(n))
probe("str.join", lambda n: "".join(("a", "b")))
probe("str.upper", lambda n: "a".upper())
probe("dict()", lambda n: dict())
probe("set()", lambda n: set())
probe("float()", lambda n: float(n))
probe("bool()", lambda n: bool(n))
probe("enumerate", lambda n: enumerate(()))
probe("zip", lambda n: zip())
probe("type()", lambda n: type(n))


def stmt_append(n):
    lst.append(n)
    lst.pop()


probe("append stmt", stmt_append)
probe("pop stmt", lambda n: lst.pop() if lst else None)
probe("d[k]", lambda n: d[1])
probe("next", lambda n: next(iter((1,))))
probe("format", lambda n: format(n, "d"))
probe("any", lambda n: any(()))
probe("map", lambda n: map(abs, ()))
probe("filter", lambda n: filter(None, ()))
probe("reversed", lambda n: reversed(()))
probe("setattr", lambda n: setattr(probe, "x", n))
probe("bytes()", lambda n: bytes(2))
probe("frozenset()", lambda n: frozenset())
probe("object()", lambda n: object())
probe("str.split", lambda n: "a b".split())
probe("str.startswith", lambda n: "ab".startswith("a"))
probe("dict.items", lambda n: d.items())
probe("list.index", lambda n: [1].index(1))
