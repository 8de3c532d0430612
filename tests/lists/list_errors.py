# Caught list errors: messages of IndexError/TypeError/ValueError.
l = [1, 2, 3]
tests = [
    lambda: l[3],
    lambda: l[-4],
    lambda: l["a"],
    lambda: l[1.0],
    lambda: l.pop(10),
    lambda: [].pop(),
    lambda: l.remove(9),
    lambda: l.index(9),
    lambda: l + "a",
    lambda: l * "a",
    lambda: l.__setitem__(5, 0),
    lambda: [1, 2] < [1, "a"],
    lambda: list(5),
    lambda: l.insert("a", 1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
