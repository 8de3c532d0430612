# cmath over a grid of finite, signed-zero, infinite and NaN inputs (CPython's special
# values and branch cuts), plus phase/polar/rect/isclose and the error paths.
import cmath
import math

inf, nan = math.inf, math.nan
parts = [-inf, -1e308, -2.5, -1.0, -0.5, -1e-310, -0.0, 0.0, 1e-310, 0.5, 1.0, 2.5, 1e308, inf, nan]
names = ["exp", "log", "log10", "sqrt", "acos", "asin", "atan", "acosh", "asinh", "atanh",
         "cos", "sin", "tan", "cosh", "sinh", "tanh"]


def fmt(v):
    return repr(v) if not isinstance(v, complex) else "(%r, %r)" % (v.real, v.imag)


for name in names:
    f = getattr(cmath, name)
    out = []
    for x in parts:
        for y in parts:
            try:
                out.append(fmt(f(complex(x, y))))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__[0])
    print(name, " ".join(out))

for x in parts:
    row = []
    for y in parts:
        try:
            row.append(fmt(cmath.rect(x, y)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__[0])
    print("rect", " ".join(row))

for z in [1 + 1j, -1 - 0j, -1 + 0j, 3, -2.0, 1e308 + 1e308j, complex(inf, nan)]:
    print(fmt(cmath.phase(z)), cmath.polar(z) if not isinstance(z, complex) or math.isfinite(abs(z)) else "big")
print(cmath.log(8, 2), cmath.log(100, 10), cmath.log(1j, 1j), cmath.log(-8, -2))
print(cmath.sqrt(-4), cmath.sqrt(4), cmath.sqrt(-1e-320))
print(cmath.isfinite(1 + 2j), cmath.isnan(complex(0, nan)), cmath.isinf(complex(inf, 0)), cmath.isinf(3))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(complex(inf, 0), complex(inf, 0)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)


class Cx:
    def __complex__(self):
        return 3 + 4j


class Fl:
    def __float__(self):
        return 0.25


class Ix:
    def __index__(self):
        return 2


print(cmath.sqrt(Cx()), cmath.exp(Fl()), cmath.log(Ix()), cmath.sin(True))


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: cmath.log(0))
show(lambda: cmath.log(1, 1))
show(lambda: cmath.log(0j, 2))
show(lambda: cmath.atanh(1))
show(lambda: cmath.exp(1000))
show(lambda: cmath.cosh(1000 + 1j))
show(lambda: cmath.sqrt("4"))
show(lambda: cmath.sqrt())
show(lambda: cmath.sqrt(1, 2))
show(lambda: cmath.sqrt(10 ** 400))
show(lambda: cmath.rect(1, "x"))
show(lambda: cmath.isclose(1, 2, rel_tol=-1))
show(lambda: cmath.isclose(1))
show(lambda: cmath.phase(z=1))
