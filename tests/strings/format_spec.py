# format specs: width/alignment/fill/sign/grouping/precision/types for int, float, str.
n = 1234567
x = -3.14159265
for spec in ("", "10", "<10", ">10", "^10", "*^11", "010", "+", " ", "-", ",", "_", "+,", "x", "X", "#x", "o", "#o", "b", "#b", "08b", "c" if False else "d", "=+12", "e", "g", "%", ".2f", ",.2f"):
    print(repr(spec), "[" + format(n, spec) + "]", "[" + format(-n, spec) + "]")
for spec in ("", ".0f", ".1f", ".2f", ".3e", ".2E", "g", ".3g", ".10g", "G", "%", ".1%", "10.2f", "<10.2f", "^12.3f", "+.2f", " .2f", "012.3f", ",.3f", "_.1f", "e", "n" if False else "f"):
    print(repr(spec), "[" + format(x, spec) + "]", "[" + format(1234.5, spec) + "]", "[" + format(0.000012345, spec) + "]")
for spec in ("", "10", "<10", ">10", "^10", "-^9", ".2", "10.3", "^7.1"):
    print(repr(spec), "[" + format("hello", spec) + "]")
print(format(1e16, "g"), format(1e15, "g"), format(123456789, "g"), format(0.0001, "g"), format(0.00001, "g"))
print(format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(1e100, ".3g"))
print(format(float("inf"), "10.2f"), format(float("nan"), "+"), format(-0.0, ".1f"), format(True, "d"), format(65, "c"))
print(format(12, "#010b"), format(-12, "#x"), format(255, "#X"), format(10**20, ","), format(-1234.5, "_.2f"))
print("{:>8}|{:<8}|{:^8}".format("a", "b", "c"), "{0}{1}{0}".format("x", "y"), "{name}:{v:.1f}".format(name="k", v=2))
print("{!r:>10}".format("s"), "{0[1]} {1[k]}".format([5, 6], {"k": 7}), "{:,}".format(-9876543210))
print("%5d|%-5d|%05d|%x|%o|%e|%.3f|%10.2f|%s|%r|%%|%c" % (42, 42, 42, 255, 8, 12345.678, 2.0 / 3, 3.14159, [1], "q", 65))
try:
    format(3.5, "d")
except ValueError as e:
    print("ValueError", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(5, ",s")
except ValueError as e:
    print("ValueError", e)
