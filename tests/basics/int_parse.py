# int() and float() parsing: bases, whitespace, underscores, signs, invalid input messages.
for s in ("42", "  -17  ", "+8", "0", "000123", "1_000", "\t99\n"):
    print(repr(s), int(s))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o777", 0), int("0b101", 0))
print(int("z", 36), int("10", 2), int("-101", 2), int("777", 8), int("12", 3))
print(int(3.99), int(-3.99), int(True), int(1e10), int("   12_3  "))
for s in ("3.14", "-2.5e3", "1e-3", " 1_0.5 ", ".5", "5.", "1E5", "-0", "12"):
    print(repr(s), float(s))
for bad in ("x", "", "1.5", "1 2", "0x10", "--1", "1__0", "_1"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
for bad in ("abc", "", "1.2.3", "e5"):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
try:
    int([1])
except TypeError as e:
    print("TypeError", e)
print(float(7), float(-0), float(2 ** 70), float(True))
