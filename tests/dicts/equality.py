# Dict equality ignores order; comparisons of dicts; merging with | and |=; copy semantics.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a != {"x": 1}, {} == {}, {1: 1} == {1.0: 1.0})
try:
    print(a < b)
except TypeError as e:
    print("TypeError", e)
c = a | {"z": 3, "x": 100}
print(c, a)
a |= {"w": 0}
print(a)
cp = a.copy()
cp["x"] = -1
print(a, cp)
deep = {"l": [1]}
sh = dict(deep)
sh["l"].append(2)
print(deep)
print({**a, **{"y": "over"}}, dict(**{"k": 1}))
