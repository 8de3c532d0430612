# format spec mini language for ints
n = 255
for spec in ["d", "b", "o", "x", "X", "#b", "#o", "#x", "#X", "c", "n", "08d", "+d", " d", "-d", "_d", ",d", "_b", "_x", "=+8", "^9", "<6", ">6", "0=8"]:
    print(spec, repr(format(n, spec)))
for v in [0, -42, 10**12]:
    print(format(v, ","), format(v, "_"), format(v, "+"), format(v, "#x"), format(v, "e"), format(v, ".2%"))
print(format(True, "d"), format(65, "c"), f"{-5:010}")
try:
    format(1, "s")
except ValueError as e:
    print(e)
try:
    format(1, ".2d")
except ValueError as e:
    print(e)
try:
    format(1, ",b")
except ValueError as e:
    print(e)
