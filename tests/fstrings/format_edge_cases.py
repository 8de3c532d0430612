# format() edge cases: zero padding with signs, grouping with precision, alternate forms
for v in [0, 5, -5, 1234567, -0.0, 3.14159, -1234.5]:
    print(repr(v), format(v, "+08,.2f") if isinstance(v, float) else format(v, "+08,"), format(v, "^+10"), format(v, "=10"))
print(format(1e-10, ".3"), format(123456789.0, ".3"), format(0.000123, "%"), format(1.0, "#g"), format(100.0, "g"))
print(format(12345.6789, "_.2f"), format(-12345, "_x"), format(255, "#010b"), format(3.0, "n"))
print(format(float("nan"), "+.2f"), format(float("-inf"), "010.1f"), format(1e300 * 10, "e"))
