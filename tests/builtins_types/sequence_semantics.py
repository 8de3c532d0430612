# list/tuple repr, equality, containment with nested and special values
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
nan = float("nan")
t("nan in list", lambda: (nan in [nan], [nan] == [nan], [nan].count(nan), [float("nan")] == [float("nan")]))
t("identity first", lambda: [nan].index(nan))
t("list eq tuple", lambda: ([1, 2] == (1, 2), list((1, 2)) == [1, 2]))
t("nested eq", lambda: ([[1], (2,)] == [[1], (2,)], [[1]] < [[2]]))
t("mul neg", lambda: ([1] * -3, (1,) * 0))
t("mul big", lambda: [0] * (2 ** 62))
t("mul float", lambda: [1] * 2.0)
t("repr empty", lambda: (repr([]), repr(()), repr([()]), repr(([],))))
t("copy semantic", lambda: [a := [[0]] * 3, a[0].append(1), a][2])
t("slice copy", lambda: [a := [1, 2], b := a[:], b.append(3), a, b][3:])
t("index negative start", lambda: [1, 2, 3, 2].index(2, -2))
t("list in tuple", lambda: ([1] in ([1],), (1,) in [[1]]))
t("tuple hash with nan", lambda: hash((1, 2)) == hash((1, 2)))
t("len huge range list", lambda: len(list(range(100000))))
