# Mapping patterns: keys, **rest, get() lookups, __missing__ not called.
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if k.isalpha():
            return f"letter {k}"
        case {"type": "key", **rest}:
            return f"other key {sorted(rest.items())}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"

for e in [
    {"type": "click", "pos": (1, 2)},
    {"type": "click", "pos": (1, 2, 3)},
    {"type": "key", "key": "a"},
    {"type": "key", "key": "1", "mod": "shift"},
    {"type": "other"},
    {},
    [("type", "click")],
    "type",
]:
    print(handle(e))

# **rest gets a fresh dict without the matched keys
d = {"a": 1, "b": 2, "c": 3}
match d:
    case {"a": 1, **others}:
        print(others, others is d)

match d:
    case {**everything}:
        print(everything == d, everything is d)

# dict subclasses with __missing__ are not asked for missing keys
class Default(dict):
    def __missing__(self, key):
        print("missing called!")
        return 0

match Default(x=1):
    case {"y": _}:
        print("has y")
    case {"x": v}:
        print("x is", v)

# get() is used for lookups
class Loud(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)

match Loud(a=1, b=2):
    case {"a": 1, "b": 3}:
        print("no")
    case {"a": 1, "b": b}:
        print("b =", b)

# value keys
class K:
    A = "a"
match {"a": 5}:
    case {K.A: val}:
        print("K.A ->", val)
