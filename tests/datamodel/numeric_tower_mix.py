# mixed int/float/complex/bool arithmetic and comparisons
vals = [True, 3, 2.5, 1 + 1j]
for a in vals:
    print([type(a + b).__name__ for b in vals], [type(a * b).__name__ for b in vals])
print(1 == 1.0 == (1 + 0j) == True, 2 ** 0.5 * 2 ** 0.5, 10 / 4, 10 // 4.0, 3 % 2.5)
print(1 < 1.5 < 2, 2 ** 63 > 9.2e18, 2 ** 1000 > 1e300, (2 ** 1000) < float("inf"))
try:
    2 ** 10000 + 0.5
except OverflowError as e:
    print(e)
try:
    float(2 ** 10000)
except OverflowError as e:
    print(e)
print(int(1e18) == 10 ** 18, 0.1 * 3, round(0.1 * 3, 15), 1e308 * 10)
