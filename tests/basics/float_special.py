# inf and nan: arithmetic, comparisons, repr, float() parsing of special values.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(nan))
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, inf == float("infinity"))
print(float("-inf"), float("+inf"), float("nan"), float("  Inf \n"), float("-NaN"))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(max(1.0, inf), min(-inf, 0), [inf, nan])
print(str(inf), f"{inf}", f"{nan:>6}", f"{-inf:.2f}", f"{inf:e}")
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(1.0 // 0.0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(5.0 % 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(0.0 == -0.0, str(-0.0), -0.0 + 0.0, abs(-0.0))
