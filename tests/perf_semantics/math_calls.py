# Calls to math.sqrt/sin/cos/exp/fabs that native code computes inline must keep every
# behaviour of the real functions: errors, special values, argument conversion, and
# rebinding (the inline path is only taken for the math module's own functions).
import math
import math as m
from math import sqrt, exp


def norms(points):
    out = []
    for x, y in points:
        d = math.sqrt(x * x + y * y)
        out.append((d, math.fabs(x - y), m.cos(0.0 * d), sqrt(d) * 2.0))
    return out


def trig(n):
    acc = 0.0
    for i in range(n):
        t = i * 0.1
        acc += math.sin(t) * math.cos(t) + exp(-t)
    return acc


class Floaty:
    def __float__(self):
        return 2.25


def conversions():
    return [math.sqrt(16), math.sqrt(True), math.sqrt(2 ** 80), math.sqrt(Floaty()), math.fabs(-3),
            math.fabs(-0.0), math.sqrt(-0.0), math.exp(0), math.cos(2 ** 62)]


def errors():
    out = []
    for f, arg in [(math.sqrt, -1.0), (math.sqrt, -4), (math.sin, math.inf), (math.cos, -math.inf),
                   (math.exp, 1000.0), (math.sqrt, "x"), (math.sqrt, None), (math.exp, 10 ** 400)]:
        try:
            out.append(f(arg))
        except (ValueError, OverflowError, TypeError) as e:
            out.append(f"{type(e).__name__}: {e}")
    x = -2.0 * 1.0
    try:
        math.sqrt(x)
    except ValueError as e:
        out.append(f"inline ValueError: {e}")
    y = 800.0 * 1.0
    try:
        math.exp(y)
    except OverflowError as e:
        out.append(f"inline OverflowError: {e}")
    try:
        math.sqrt(x, x)
    except TypeError as e:
        out.append(f"TypeError: {e}")
    return out


def specials():
    nan = math.inf - math.inf
    return [math.sqrt(nan), math.sqrt(math.inf), math.exp(-math.inf), math.fabs(-math.inf), math.exp(math.inf)]


class Obj:
    def sqrt(self, v):
        return ("method", v)


def not_math():
    o = Obj()
    class NS:
        sqrt = staticmethod(lambda v: ("static", v))
    return [o.sqrt(4.0 * 1.0), NS.sqrt(9.0 * 1.0)]


def patched():
    saved = math.sqrt
    math.sqrt = lambda v: ("patched", v)
    try:
        return math.sqrt(2.0 * 2.0)
    finally:
        math.sqrt = saved


def local_sqrt():
    def sqrt(v):
        return ("local", v)
    return sqrt(1.5 * 2.0)


print(norms([(3.0, 4.0), (1, 2), (0.5, -0.25)]))
print(trig(50))
print(conversions())
print(errors())
print(specials())
print(not_math())
print(patched())
print(local_sqrt())
print(math.sqrt(2.0 * 8.0))
