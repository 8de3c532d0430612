# set operations with mixed and unusual elements
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
t("int float bool", lambda: sorted({1, 1.0, True, 2}))
t("len", lambda: len({0, False, 0.0, -0.0}))
t("tuple elements", lambda: sorted({(1, 2), (1, 2), (2, 1)}))
t("strings length", lambda: len({"a", "b", "a"}))
t("set compare", lambda: ({1, 2} < {1, 2, 3}, {1, 2} > {1}, {1} <= {1}, {1, 2} == {2, 1}))
t("set vs list", lambda: {1} == [1])
t("set lt list", lambda: {1} < [1])
t("frozenset hash eq", lambda: hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
t("set from dict", lambda: sorted(set({"b": 1, "a": 2})))
t("update str", lambda: [s := set(), s.update("aab"), sorted(s)][2])
t("discard unhashable", lambda: set().discard([1]))
t("in unhashable", lambda: [1] in {1})
t("in set of frozensets", lambda: {1} in {frozenset({1})})
t("isub", lambda: [s := {1, 2, 3}, s.__isub__({2}), sorted(s)][2])
