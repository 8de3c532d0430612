# setdefault/get/pop with default/update from kwargs and iterables; dict() errors.
d = dict(zip(range(3), "abc"))
print(d, d.get(5, "?"), d.pop(1), d, d.setdefault(7, "s"), d)
d.update(((10, "t"), (11, "u")))
print(d, list(d.keys())[::-1], sorted(d.values()))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    d.update(5)
except TypeError as e:
    print("TypeError", e)
print(dict(a=1) == {"a": 1}, len(dict.fromkeys(range(5))), {}.get(1), bool({}), bool({0: 0}))
