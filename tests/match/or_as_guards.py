# Or-patterns, as-patterns and guards (binding order, side effects, control flow).
def classify(v):
    match v:
        case [x, y] | (x, y, _):
            return f"pair-ish {x} {y}"
        case {"a": x} | {"b": x}:
            return f"dict {x}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case int(n) | float(n) if n < 0:
            return f"negative {n}"
        case str() as s if len(s) > 3:
            return f"long string {s}"
        case [1, *rest] as whole:
            return f"starts with 1: {rest} in {whole}"
        case _:
            return "other"

for v in [[1, 2], (3, 4, 5), {"a": 1}, {"b": 2}, 2, -5, -2.5, 10, "hello", "hi", [1, 2, 3], [2]]:
    print(repr(v), classify(v))

# or-pattern binding names in different orders
for v in [(1, "a"), ("b", 2)]:
    match v:
        case (int(n), str(s)) | (str(s), int(n)):
            print("n =", n, "s =", s)

# the guard sees the captured names; a failing guard leaves them bound
x = None
match 5:
    case x if x > 10:
        print("big")
    case y:
        print("guard failed, x is still", x, "y is", y)

# guards are evaluated in order with side effects
def check(tag, result):
    print("checking", tag)
    return result

match [1, 2]:
    case [a, b] if check("first", False):
        print("first")
    case [a, b] if check("second", True):
        print("second", a, b)
    case _:
        print("default")

# nested as patterns
match (1, (2, 3)):
    case (a, (b, c) as inner) as outer:
        print(a, b, c, inner, outer)

# match inside loop with break/continue
for item in [1, "stop", 2, "skip", 3]:
    match item:
        case "skip":
            continue
        case "stop":
            print("stopping? no, continue to next")
            continue
        case int(i) if i == 3:
            print("found three")
            break
        case _:
            print("item", item)

# match in a function returning from a case, with try/finally around
def g(v):
    try:
        match v:
            case [*_]:
                return "seq"
            case _:
                return "other"
    finally:
        print("finally", v)
print(g([1]), g(1))
