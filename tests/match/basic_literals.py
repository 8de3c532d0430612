# Literal, singleton, value (dotted name) and capture patterns.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case 1.5:
            return "one and a half"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"

for v in [0, 1, 2, 3, -1, "hello", b"raw", 1.5, None, True, False, 0.0, 4, "x", 2.0]:
    print(repr(v), describe(v))

# value patterns (dotted names)
class Color:
    RED = 1
    GREEN = 2
    BLUE = 3

import math
for c in [1, 2, 3, 4, math.pi]:
    match c:
        case Color.RED:
            print("red")
        case Color.GREEN | Color.BLUE:
            print("green or blue")
        case math.pi:
            print("pi")
        case other:
            print("unknown", other)

# capture binds even with no other case
match 42:
    case n:
        print("captured", n)
print(n)

# match on a complex subject expression
data = {"k": [1, 2]}
match data["k"][1] * 10:
    case 20:
        print("twenty")
