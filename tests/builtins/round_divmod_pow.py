# round, divmod, pow (3-arg, negative exponents), abs on mixed types.
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(0.5 + 1e-9), round(123.456, 1), round(-1.55, 1))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(17.5, 5), divmod(2 ** 70, 10 ** 9))
print(pow(2, 8), pow(2, 8, 5), pow(-2, 3), pow(2, -3), pow(7, -1, 13), pow(10, 100, 7), pow(2.0, 0.5))
print(abs(-7), abs(7.25), abs(-2 ** 65), abs(True), abs(-0.0))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    round("1")
except TypeError as e:
    print("TypeError", e)
