# list sort edge cases: stability, key errors, comparison errors, reverse stability
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
t("by second", lambda: sorted(data, key=lambda p: p[1]))
t("by second rev", lambda: sorted(data, key=lambda p: p[1], reverse=True))
t("by first", lambda: sorted(data, key=lambda p: p[0]))
t("full", lambda: sorted(data))
t("mixed", lambda: sorted([1, "a", 2]))
t("none", lambda: sorted([None, 1]))
t("floats ints", lambda: sorted([3, 1.5, 2, -0.5, True]))
t("strings case", lambda: (sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower)))
l = [3, 1, 2]
t("sort returns None", lambda: (l.sort(), l))
t("sort kw only", lambda: l.sort(lambda x: x))
t("nested", lambda: sorted([[2, 1], [1, 2], [1], []]))
t("tuples", lambda: sorted([(1, "b"), (1, "a"), (0, "z")]))
t("nan", lambda: sorted([3.0, 1.0, 2.0]) == [1.0, 2.0, 3.0])
t("big", lambda: sorted([10**20, -10**20, 0, 2**64]))
