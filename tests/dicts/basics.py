# Dict basics: insertion order, overwrite keeps position, del, len, in, get/setdefault/pop/popitem.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), "a" in d, 2 in d, list(d))
del d["a"]
d["a"] = 99
print(d)
print(d.get("zz"), d.get("zz", 0), d.get("b"), d.setdefault("b", -1), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("n"), d.pop("missing", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
d.clear()
print(d, {}, dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"k": "v"}, k2="v2"))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
e = {1: "one", 2.5: "float", (1, 2): "tuple", None: "none", True: "bool?", "s": [1]}
print(e, e[1], e[None])
