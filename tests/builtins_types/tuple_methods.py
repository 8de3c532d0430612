# tuple methods, hashing, comparisons
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
tp = (1, 2, 3, 2)
t("count index", lambda: (tp.count(2), tp.index(2), tp.index(2, 2)))
t("index missing", lambda: tp.index(7))
t("concat", lambda: (tp + (4,), tp * 2, () * 5))
t("concat bad", lambda: tp + [1])
t("cmp", lambda: ((1, 2) < (1, 3), (1,) < (1, 0), (2,) > (1, 9), () < (0,)))
t("hash eq", lambda: hash((1, 2)) == hash((1, 2)))
t("unhashable", lambda: hash((1, [2])))
t("assign", lambda: tp.__setitem__(0, 1))
t("tuple()", lambda: (tuple(), tuple("ab"), tuple([1]), tuple(range(2))))
t("single repr", lambda: (repr((1,)), repr(()), repr(((),)), str((1, "a"))))
t("slicing", lambda: (tp[1:], tp[::-1], tp[5:], tp[-2]))
t("oob", lambda: tp[9])
t("nested", lambda: ((1, (2, (3,))) [1][1][0]))
