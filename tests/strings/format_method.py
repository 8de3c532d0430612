# str.format: positional, keyword, attribute and index lookups, conversion, nested fields.
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Pt(3, 4)
print("{} {} {}".format(1, "a", None))
print("{1} {0} {1}".format("a", "b"))
print("{p.x},{p.y}".format(p=p), "{0.x}".format(p), "{0[0]}{0[2]}".format("xyz"))
print("{:{w}.{prec}f}|".format(3.14159, w=10, prec=3), "{:{}}|".format("s", 5))
print("{!r} {!s} {!a}".format("q", "q", "ü"))
print("{{}} {}".format("x"), "{0:>{1}}".format("r", 4))
try:
    print("{} {}".format(1))
except IndexError as e:
    print("IndexError", e)
try:
    print("{x}".format(y=1))
except KeyError as e:
    print("KeyError", e)
try:
    print("{0} {}".format(1, 2))
except ValueError as e:
    print("ValueError", e)
print(format(3), format("x"), format(2.0), "{}".format(1e16), "{:.3}".format(3.14159), "{:10}|".format(3))
