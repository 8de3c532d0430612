# Inline float fast paths (codegen floatpath.rs): results, mixed int/float operands,
# NaN and signed zero, ZeroDivisionError, subclasses and other types still dispatched,
# and in-place result reuse that must stay unobservable.
import sys


def arith(a, b):
    return (a + b, a - b, a * b, a / b)


def show(*xs):
    print(" ".join(repr(x) for x in xs))


show(*arith(1.5, 2.25))
show(*arith(3, 0.5))
show(*arith(0.5, 3))
show(*arith(-0.0, 1.0))
show(*arith(1e308, 1e308))
show(*arith(float("inf"), 2))
show(*arith(2**62 - 1, 1.0))          # largest small int, rounded like PyLong_AsDouble
show(*arith(2**53 + 1, 1.0))
show(*arith(-(2**62), 0.25))
show(*arith(2**80, 3.0))               # big int: runtime path
show(7 / 2, -7 / 2, (2**53 + 1) / 3, (2**62 - 1) / 7, 10**30 / 7)
x = 0.0
show(x * -1.0, -0.0 + 0.0, -0.0 - 0.0, 0.0 * -5)

nan = float("nan")
for a, b in [(1.0, 2.0), (2.0, 2.0), (nan, nan), (nan, 1.0), (1, 1.0), (2**53 + 1, 2.0**53),
             (2**62 - 1, 2.0**62), (-0.0, 0.0), (3, 2.5), (2.5, 3)]:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b, end="; ")
    if a < b:
        print("lt", end=" ")
    if a != b:
        print("ne", end=" ")
    if a >= b:
        print("ge", end=" ")
    print()

for a, b in [(1.0, 0.0), (1, 0.0), (1.0, 0), (5, 0), (0.0, -0.0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)


class F(float):
    def __add__(self, other):
        return "F.add"

    def __radd__(self, other):
        return "F.radd"

    def __lt__(self, other):
        return "F.lt"


f = F(1.0)
show(f + 1.0, 1.0 + f, 2 + f, f - 1.0, f * 2, f / 4, f < 2.0, 2.0 > f)
show(type(f - 1.0).__name__, type(1.0 * f).__name__)

# in-place reuse of temporaries must not change values held elsewhere
a = 1.5
b = a + 0.0
c = (a * 2.0) * 3.0 + b
show(a, b, c)
lst = [0.5] * 3
total = 0.0
for v in lst:
    total = total + v * 2.0
show(lst, total)
y = 2.0
z = y
y += 1.0
y *= 3.0
show(y, z)
t = (1.0, 2.0)
u = t[0] + t[1]
show(t, u)

# other types and errors keep their messages
for a, b in [(1.0, "x"), ("x", 1.0), (None, 1.0), ([1], 2.0)]:
    try:
        a + b
    except TypeError as e:
        print("TypeError:", e)
    try:
        a < b
    except TypeError as e:
        print("TypeError:", e)
show(True + 0.5, 1.0 * False, 1.0 == True, 0.0 == False)

def loop(n):
    s = 0.0
    w = 1.0
    for i in range(n):
        s += i * 0.001 - i / 7
        w = w * 1.0001 + (w - 1.0) / 3
        if w > 1e300:
            break
    return s, w


show(*loop(1000))
print(sys.float_info.max * 10, -sys.float_info.max * 10)
1.0 / 0
