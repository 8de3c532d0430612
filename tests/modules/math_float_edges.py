# math on special values: inf/nan propagation, floor/ceil of huge floats, isqrt of big ints.
import math
print(math.floor(1e20), math.ceil(-1e20), math.floor(2.0 ** 80), math.trunc(1e16 + 0.5))
print(math.sqrt(math.inf), math.exp(-math.inf), math.atan(math.inf), math.isnan(math.inf - math.inf))
print(math.isqrt(2 ** 200), math.isqrt(99), math.factorial(25) // math.factorial(23))
print(math.fabs(-math.inf), math.copysign(1, math.nan) in (1, -1), math.hypot(1e200, 1e200))
for f in (math.floor, math.ceil):
    for bad in (math.inf, math.nan):
        try:
            f(bad)
        except (OverflowError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
