# Sequence patterns: fixed length, star captures, star wildcards, nesting.
def f(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a} {b}"
        case [first, *rest] if len(rest) > 3:
            return f"long: {first} then {len(rest)} more"
        case [first, *middle, last]:
            return f"many: {first} {middle} {last}"
        case _:
            return "not a sequence"

for v in [[], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", b"ab", range(3), {1: 2}, 5, bytearray(b"xy")]:
    print(repr(v), "->", f(v))

# nested sequences and wildcards
points = [(0, 0), (0, 5), (3, 0), (1, 2), [4, [5, 6]], (1, 2, 3)]
for p in points:
    match p:
        case (0, 0):
            print("origin")
        case (0, y):
            print("on y axis at", y)
        case (x, 0):
            print("on x axis at", x)
        case [x, [y, z]]:
            print("nested", x, y, z)
        case (_, _, _):
            print("triple")
        case (x, y):
            print("point", x, y)

# star wildcard uses indexing, not unpacking
class Seq(list):
    pass

match Seq([1, 2, 3, 4, 5]):
    case [a, *_, b]:
        print("ends", a, b)

match [1, 2, 3]:
    case [*_]:
        print("any sequence")

match (1, 2, 3, 4):
    case (1, *rest):
        print("rest is a list:", rest, type(rest).__name__)

match [1, [2, 3]]:
    case [1, [*inner]]:
        print("inner", inner)

match range(10):
    case [0, 1, *others]:
        print(others)
