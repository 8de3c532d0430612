# Dict views: keys/values/items are live; set operations on keys; iteration order.
d = {"x": 1, "y": 2, "z": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["w"] = 4
print(list(k), list(v), list(it), len(k), "w" in k, 4 in v, ("x", 1) in it)
print(sorted(k & {"x", "q"}), sorted(k | {"q"}), sorted(k - {"x"}), k == {"x", "y", "z", "w"})
for key, val in d.items():
    print(key, "->", val)
print(list(reversed(d)), list(reversed(d.values())), [*d], [*d.items()][1])
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
print(d)
