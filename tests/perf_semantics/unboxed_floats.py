# Float locals and temporaries that native code keeps unboxed must behave exactly as
# float objects: visible through locals()/f_locals/tracebacks, rebindable to any type,
# released on every path, exact in mixed int/float arithmetic.
import sys


def peek_caller():
    f = sys._getframe(1)
    return sorted((k, v) for k, v in f.f_locals.items() if isinstance(v, float))


def mandel_point(cr, ci, limit):
    zr = zi = tr = ti = 0.0
    i = 0
    while i < limit and tr + ti <= 4.0:
        zi = 2.0 * zr * zi + ci
        zr = tr - ti + cr
        tr = zr * zr
        ti = zi * zi
        i += 1
    return i, zr, zi


def retype(n):
    x = 1.5 * n
    y = x * 2.0
    seen = [type(x).__name__]
    x = n          # float local rebound to an int
    seen.append(type(x).__name__)
    x = x + 0.25   # and back to a float
    seen.append(type(x).__name__)
    x = "s" * 2    # to a str
    seen.append(x)
    return seen, y


def visible():
    a = 3.0 * 2.0
    b = a - 0.5
    c = -b
    snap = locals()
    return sorted((k, v) for k, v in snap.items()), peek_caller()


def zero_div(v):
    s = v * 2.0
    try:
        t = s / (v - v)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e), s
    return t


def mid_expression_error(v):
    acc = v * 3.0
    try:
        acc = acc * 2.0 + undefined_name  # noqa: F821
    except NameError as e:
        return str(e), acc
    return acc


def raise_with_floats(v):
    w = v * 4.0
    u = w - 1.0
    raise ValueError(u)


def special_values():
    inf = 1e308 * 10.0
    nan = inf - inf
    nz = -0.0 * 1.0
    out = [inf, -inf, nan != nan, nan == nan, nan < 1.0, nz, str(nz), 1.0 / inf]
    big = 2 ** 60
    out.append(big * 1.0)
    out.append((big + 1) / 3)            # int/int true division, correctly rounded
    out.append(1.0 * (2 ** 53 + 1))      # rounding on conversion
    out.append((2 ** 53 + 1) == 2.0 ** 53)
    out.append(0.1 + 0.2)
    out.append(-(-0.0))
    try:
        out.append(1.0 * 10 ** 400)
    except OverflowError as e:
        out.append("OverflowError: " + str(e))
    return out


class F(float):
    def __add__(self, other):
        return "F.__add__"

    def __neg__(self):
        return "F.__neg__"


class Neg:
    def __neg__(self):
        return "Neg.__neg__"


def operands():
    x = 2.0 * 3.0
    out = [F(1.0) + x, x + F(1.0), -F(2.0), -Neg(), -x, -(x * 2.0), -5, -True, -(2 ** 70)]
    y = x
    y += 1.0
    out += [x, y, x is y]
    z = x * 1.0
    out.append(z == x)
    return out


def deleted():
    a = 1.0 * 5.0
    del a
    try:
        print(a)  # noqa: F821
    except UnboundLocalError as e:
        return str(e)


def closure():
    k = 2.0 * 2.0

    def inner():
        return k * 10.0
    k = k + 1.0
    return inner()


def accumulate(xs):
    total = 0.0
    sq = 0.0
    for x in xs:
        total += x
        sq += x * x
    mean = total / len(xs)
    return total, sq, mean, sq / len(xs) - mean * mean


def compare_chain(a):
    b = a * 2.0
    return [b > a, a < b <= 2.0 * a, b == 2 * a, b != b, 1 < b < 3.0, b >= 4]


def floats_in_containers(n):
    xs = []
    v = 0.5
    for i in range(n):
        v = v * 1.5 + i
        xs.append(v)
        xs.append(-v)
    d = {v: "last"}
    return xs, d, (v, v / 2.0)


print(mandel_point(-0.5, 0.5, 50))
print(mandel_point(0.3, 0.6, 50))
print(retype(3))
print(visible())
print(zero_div(1.5))
print(mid_expression_error(1.25))
try:
    raise_with_floats(2.5)
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("caught", e, sorted(tb.tb_frame.f_locals.items()))
print(special_values())
print(operands())
print(deleted())
print(closure())
print(accumulate([1.0, 2.5, -3.25, 4]))
print(compare_chain(1.5))
print(floats_in_containers(4))
raise_with_floats(0.5)
