# str.format: positional, keyword, indexing, attributes, conversions, nesting
print("{} {} {}".format(1, "two", 3.0))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[1]} {0[0]}".format(["x", "y"]))
print("{d[key]} {d[0]}".format(d={"key": "v", 0: "zero"}) if False else "{d[key]}".format(d={"key": "v"}))
class P:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=P()))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{:{}{}}".format("ab", ">", 6))
print("{0:{1}}|".format(7, 4))
print("{{}} {}".format("braces"))
print("{:,}".format(1234567), "{:%}".format(0.5))
for bad in ["{", "}", "{0", "{:}}", "{!x}", "{0!}"]:
    try:
        print(bad.format(1))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print(type(e).__name__, e)
print("{0}{0}".format("ab"), "{:d}".format(True))
print("x{}y".format(None), "{}".format([1, (2,)]))
print("{0:^{w}}|".format("c", w=5))
print("{.real}".format(5), "{[0]}".format("zq"))
