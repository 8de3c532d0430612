# len(x) of a global `len`: native code reads the length of an exact list, tuple or str
# inline when the callee is the built-in; everything else must behave as CPython
# (subclasses, other sizes, errors, rebinding `len`, the call level at the limit).
import sys


class L(list):
    def __len__(self):
        return 42


class S(str):
    pass


def f(xs):
    return len(xs)


print(f([1, 2, 3]), f((1, 2)), f("héllo wörld"), f(""), f("\U0001f600x"), f({1: 2}), f(L([1])), f(S("ab")))
print(f(range(5)), f(b"abc"), f({1, 2}), f(frozenset()), f([]), f(()))
for bad in (5, None, 1.5, iter([])):
    try:
        f(bad)
    except TypeError as e:
        print("TypeError", e)


def deep(n):
    try:
        return deep(n + 1)
    except RecursionError:
        pass
    try:
        return ("len ok", len([1, 2]))
    except RecursionError as e:
        return ("len raised", str(e))


sys.setrecursionlimit(60)
print(deep(0))
sys.setrecursionlimit(1000)

len = lambda x: -1
print(f([1]))
del len
print(f([1, 2]))
import builtins
saved = builtins.len
builtins.len = lambda x: -2
print(f([1]))
builtins.len = saved
print(f("abc"), [len(w) for w in "a bb ccc".split()])
