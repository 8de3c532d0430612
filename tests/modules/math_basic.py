# math module: constants, sqrt/floor/ceil/trunc, pow/exp/log, fabs, isnan/isinf/isfinite.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.9), type(math.floor(2.5)).__name__)
print(math.pow(2, 10), math.pow(2, 0.5), math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log10(1000), math.log2(1024), math.log1p(0), math.fabs(-3), math.fabs(2.5))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.floor(10 ** 20 + 0.5) if False else math.floor(1e20), math.ceil(5), math.floor(-0.0))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1)):
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError", e)
