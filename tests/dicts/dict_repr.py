# Dict repr with various value types; recursive dict repr; str of dict in f-string.
d = {"s": "x'y", "n": None, "f": 0.1, "l": [1, (2,)], "d": {"i": {}}, 1: True, (1,): "t"}
print(d)
print(repr(d) == str(d), f"{d}"[:10])
r = {"self": None}
r["self"] = r
print(r)
print({1: {2: {3: {4: "deep"}}}})
