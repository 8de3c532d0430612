# round(): banker's rounding (half to even), ndigits, negative ndigits, float quirks.
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375):
    print(v, round(v), round(v, 1), round(v, 2))
print(round(12345, -2), round(12355, -1), round(12345.678, -2), round(-12350, -2))
print(round(7), round(7.0), type(round(7.0)), type(round(7.0, 1)), type(round(7, 1)))
print(round(1234.5678, 3), round(-0.0), round(1e20), round(2 ** 60 + 0.5))
print(round(150, -2), round(250, -2), round(350, -2), round(-250, -2))
for x in (1.25, 1.35, 2.345, 0.0051, 99.995):
    print(x, round(x, 1), round(x, 2), f"{x:.1f}", f"{x:.2f}")
