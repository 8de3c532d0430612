# math.nextafter and math.ulp, including zeros, infinities, NaN and the extremes.
import math

for x, y in [(1.0, 2.0), (1.0, 0.0), (0.0, -1.0), (0.0, 1.0), (-0.0, 1.0), (1.0, 1.0), (5e-324, 0.0),
             (1.7976931348623157e308, math.inf), (math.inf, 0.0), (-1.0, -2.0), (3, 4)]:
    print(x, y, math.nextafter(x, y))
print(math.isnan(math.nextafter(math.nan, 1.0)), math.isnan(math.nextafter(1.0, math.nan)))
for x in [1.0, 0.0, -2.0, 1e300, 5e-324, 1.7976931348623157e308, math.inf, -math.inf, 2**52, 10]:
    print(x, math.ulp(x))
print(math.isnan(math.ulp(math.nan)))
for bad in [lambda: math.nextafter(1), lambda: math.nextafter("a", 1), lambda: math.ulp(), lambda: math.ulp("x")]:
    try:
        bad()
    except TypeError as e:
        print(e)
