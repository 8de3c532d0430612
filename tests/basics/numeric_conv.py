# Mixed numeric operations: int/float promotion, true division, complex-free abs/divmod/pow.
print(3 + 4.0, 3 * 0.5, 7 / 7, type(7 / 7), 2 ** 3.0, 4 ** 0.5, 8 ** (1 / 3))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.5))
print(pow(2, 10), pow(2.0, 3), pow(2, -2), pow(-8, 2), pow(5, 3, 7), pow(-5, 3, 7), pow(5, -1, 7))
print(abs(-3.5), abs(7), abs(-0), abs(-10 ** 30))
print(int(7.9) + float(2), 1e3 + 1, 0.1 * 10 == 1.0, sum([0.1] * 10))
print(10 // 3.0, 10 % 3.0, -10 // 3.0, -10 % 3.0, 10.5 // 1, 1e300 * 1e10)
print(str(1.0), str(10 ** 2), str(1e2), 1e2 == 100)
print(float.fromhex("0x1.8p1"), (3).__add__(4), (3.5).__mul__(2))
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print(pow(0, -1))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print((-8) ** (1 / 3) == (-8) ** (1 / 3))
