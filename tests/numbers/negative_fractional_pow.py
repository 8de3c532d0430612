# negative float/int base with fractional exponent gives a complex result.
for b in [-8, -8.0, -1, -0.5, -2.5, -1e-300]:
    for e in [1/3, 0.5, -0.5, 2.5, 1.0, -2.0, 1e-10]:
        r = b ** e
        print(b, e, type(r).__name__, r)
print((-8) ** (1/3) == complex(1.0000000000000002, 1.7320508075688772))
x = -27.0
x **= 1/3
print(x)
import math
try:
    math.pow(-8, 1/3)
except ValueError as e:
    print('ValueError', e)
