# format spec mini language for floats
v = 1234.5678
for spec in ["", "f", ".1f", ".0f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", ",.2f", "_.3f", "+.2f", " .2f", "10.2f", "<10.1f", "^12.3f", "=+12.2f", "012.2f", "#.0f", ".10g", "n"]:
    print(repr(spec), repr(format(v, spec)))
for x in [0.0, -0.0, 1e-7, 1e16, 123456789.0, 0.5, 2.5, float("inf"), float("-inf"), float("nan")]:
    print(repr(format(x, "")), repr(format(x, ".2f")), repr(format(x, "g")), repr(format(x, ".3e")))
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
try:
    format(1.5, "x")
except ValueError as e:
    print(e)
