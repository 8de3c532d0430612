# match statement: literals, captures, wildcards, or-patterns, guards.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case int():
            return "int"
        case "hello" | "hi":
            return "greeting"
        case str(s):
            return f"string of {len(s)}"
        case None:
            return "none"
        case _:
            return "other " + type(x).__name__
for v in (0, 2, -5, 99, "hi", "abc", None, 2.5, True, [1]):
    print(repr(v), describe(v))
