# dict edge cases: equal keys of different types, mutation, repr
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
t("merged keys", lambda: (d, list(d)))
t("keys type", lambda: type(list(d)[0]).__name__)
t("nan key", lambda: len({float("nan"): 1, float("nan"): 2}))
t("tuple key", lambda: {(1, 2): "a"}[(1, 2)])
t("frozenset key", lambda: {frozenset({1}): "f"}[frozenset([1])])
t("get default none", lambda: {}.get(1))
t("del during iter", lambda: [e := {1: 1, 2: 2}, [e.pop(k) for k in list(e)], e][2])
t("change during iter", lambda: [e := {1: 1}, [e.pop(k) for k in e]])
t("repr nested", lambda: repr({"a": [1, {"b": (2,)}], 1.5: None}))
t("values eq", lambda: {1: 2}.values() == {1: 2}.values())
t("items set ops", lambda: sorted({1: 2, 3: 4}.items() | {(5, 6)}))
t("keys isdisjoint", lambda: {1: 0}.keys().isdisjoint([2]))
t("dict from bad", lambda: dict(5))
t("dict kw and iter", lambda: dict([("a", 1)], a=2))
t("setdefault none", lambda: [e := {}, e.setdefault("k"), e][2])
