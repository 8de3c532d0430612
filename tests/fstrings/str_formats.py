# format spec mini language for strings
s = "pyc"
for spec in ["", "s", "10", "<10", ">10", "^10", "*^10", "-<7", ".2", "10.1", "^5.2"]:
    print(repr(spec), repr(format(s, spec)))
print(f"{'é':^5}|{'日本':>4}|")
try:
    format("x", "d")
except ValueError as e:
    print(e)
try:
    format("x", "+")
except ValueError as e:
    print(e)
try:
    format("x", "=5")
except ValueError as e:
    print(e)
print("{:>8}".format("right"), "{:_<8}".format("left"))
