# Floor division and modulo by a constant power of two: compiled as a shift and a mask
# on small ints. Negative dividends round towards minus infinity, the modulo takes the
# divisor's sign, the edges of the small-int range and big ints keep their values, and
# other types keep their own operators.


def by_constants(x):
    return (x // 1, x % 1, x // 2, x % 2, x // 4, x % 4, x // 1024, x % 1024,
            x // 2 ** 61, x % 2 ** 61, x // 2 ** 62, x % 2 ** 62)


def by_negative_constants(x):
    return (x // -2, x % -2, x // -8, x % -8)


for x in [0, 1, 2, 3, 7, -1, -2, -3, -7, -8, -9, 1023, -1023, -1024, -1025,
          (1 << 62) - 1, -(1 << 62), (1 << 62), -(1 << 62) - 1, 10 ** 30, -10 ** 30]:
    print(x, by_constants(x), by_negative_constants(x))

# a loop whose copy keeps the ints typed (spectral_norm's shape)
total = 0
for i in range(-50, 50):
    s = i * 3
    total += s * (s + 1) // 2 + s % 8 - (s // 16) * (s % 16)
print("loop", total)

# the operands that are not small ints
for x in [True, False, 7.5, -7.5, 2.0 ** 70]:
    print(repr(x), x // 2, x % 2, x // 8, x % 8)


class Half:
    def __floordiv__(self, other):
        return ("floordiv", other)

    def __mod__(self, other):
        return ("mod", other)

    def __rfloordiv__(self, other):
        return ("rfloordiv", other)


print(Half() // 2, Half() % 4, 2 // Half())

# the divisor is a constant, the dividend rebinds to other types mid-loop
for v in [9, 9.0, -9, "%s", 2 ** 64 + 3]:
    try:
        print(repr(v), repr(v % 4))
        print(repr(v // 4))
    except TypeError as e:
        print("TypeError", e)

try:
    print(5 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    n = 0
    print(5 % n)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
