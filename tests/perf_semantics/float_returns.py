"""A function whose return value is surely a float returns it unboxed to its entries
(codegen/unboxed.rs `return_unboxed`, `box_returned`), and inlined call sites whose
consumer takes an f64 take the number as is (calls.rs `float_callee`, `.regf`). Every
other way of calling such a function (the runtime, keywords, map, a rebound global,
recursion, a function with cells) must still get a float object; a `__del__` run while
the callee releases its locals must not clobber the number; NaN, infinities and signed
zeros must pass unchanged; errors inside the callee keep their tracebacks."""
import math
import sys


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def half(x):
    return x * 0.5


def mul_av(v, n):
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(i, j) * v[j]
        out.append(total)
    return out


print([f"{x:.12f}" for x in mul_av([1.0, 2.0, 0.5, -1.0], 4)])

# the number itself, unboxed: special values and signed zeros
def specials():
    for x in [0.0, -0.0, 1e308, -1e308, float("inf"), float("-inf"), float("nan"), 5e-324, 3, -7, True, 2**60]:
        r = half(x) + 0.0
        h = half(x)
        print(repr(x), repr(h), repr(r), math.copysign(1.0, h), type(h).__name__)


specials()


def scale(x):
    return x / 2.0


def signs():
    out = []
    for x in [0.0, -0.0, -1e-320]:
        out.append(math.copysign(1.0, scale(x) * 1.0))
        y = scale(x)
        out.append(repr(y))
    return out


print(signs())


# an object-taking consumer of the call: the float is boxed as before
def consumers():
    out = []
    v = half(3.0)
    out.append(v)
    out.append(half(5.0))
    d = {half(1.0): "k"}
    out.append(d)
    out.append(str(half(9.0)))
    out.append(half(2.0) == 1.0)
    out.append(half(2.0) < 1.5)
    out.append(-half(4.0))
    return out


print(consumers())


# a float subclass: arithmetic on it is not the inline float path
class F(float):
    def __mul__(self, other):
        return "F.__mul__"

    def __truediv__(self, other):
        return F(float(self) / other)


def subclass_calls():
    print(half(F(3.0)))
    r = scale(F(3.0))
    print(type(r).__name__, r)
    try:
        print(half(F(1.0)) * 2.0)
    except TypeError as e:
        print("TypeError", e)


subclass_calls()


# rebinding the global mid-loop: to a lambda, a builtin, an int-returning function, a class
def rebinding():
    global half
    saved = half
    out = []
    for k in range(6):
        if k == 2:
            half = lambda x: x * 0.25
        elif k == 3:
            half = abs
        elif k == 4:
            half = int
        elif k == 5:
            half = F
        out.append(half(-3.0) * 2.0)
    half = saved
    out.append(half(-3.0) * 2.0)
    return out


print(rebinding())


def returns_int_or_float(x):
    if x > 0:
        return x * 2.0
    return 7


def mixed():
    t = 0.0
    for x in [1.0, -1.0, 2.5, -3.0]:
        t += returns_int_or_float(x) * 1.0
        print(type(returns_int_or_float(x)).__name__, end=" ")
    print(t)


mixed()


# the runtime calls the register entry, keywords and map the frame entry
def runtime_calls():
    print(list(map(half, [1.0, 2.0, -0.0])))
    print(sorted([3.0, 1.0, 2.0], key=half))
    print(half(x=8.0), a(j=1, i=2))
    print(max(range(5), key=lambda i: a(i, 1)))


runtime_calls()


# a callee with a cell variable (its own frame entry calls the body directly)
def with_cell(x):
    y = x * 0.5

    def inner():
        return y

    return y + inner() * 1.0


def use_cells():
    t = 0.0
    for i in range(4):
        t += with_cell(float(i)) * 2.0
    return t


print(use_cells(), list(map(with_cell, [3.0])), with_cell(x=5.0))


# recursion: the function's own calls are not inlined
def geometric(n):
    if n == 0:
        return 1.0
    return geometric(n - 1) * 0.5


def use_geometric():
    t = 0.0
    for n in range(5):
        t += geometric(n) * 1.0
    return t


print(use_geometric(), list(map(geometric, [3])))


# a __del__ that calls another float-returning function while the callee releases
# its locals, after the callee computed its result
class Noisy:
    def __del__(self):
        scale(100.0) * 3.0
        print("del", scale(8.0) * 1.0)


def with_local(x):
    d = Noisy()
    return x * 2.0


def use_with_local():
    t = 0.0
    for x in [1.0, 2.0]:
        t += with_local(x) * 1.0
    return t


print(use_with_local())


# errors inside the callee: ZeroDivisionError in the middle of the loop, the callee's
# frame in the traceback, its locals visible to sys._getframe
def inv(x):
    return 1.0 / x


def invs(xs):
    t = 0.0
    for x in xs:
        t += inv(x) * 1.0
    return t


print(invs([1.0, 2.0, 4.0]))
try:
    invs([1.0, 0.0, 2.0])
except ZeroDivisionError as e:
    tb = e.__traceback__
    seen = []
    while tb is not None:
        seen.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(type(e).__name__, e, seen)


def peek(x):
    f = sys._getframe()
    names = sorted(f.f_locals)
    caller = f.f_back.f_code.co_name
    return x * 1.5 + len(names) + len(caller) * 0.0


def use_peek():
    t = 0.0
    for i in range(3):
        t += peek(float(i)) * 1.0
    return t


print(use_peek())


# int overflow and big ints through a float-returning callee
def big(x):
    return x / 3.0


def use_big():
    out = []
    for x in [2**62, 2**63 + 1, 3]:
        out.append(big(x) * 1.0)
    try:
        big(10**400) * 1.0
    except OverflowError as e:
        out.append(str(e))
    return out


print(use_big())


# a generator and a method calling the function
def gen():
    for i in range(3):
        yield half(float(i)) * 2.0


print(list(gen()))


class C:
    def m(self, x):
        return half(x) * 4.0


print(C().m(1.0), C().m(-0.0))
