# range objects: attributes, indexing, slicing, containment
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
r = range(2, 20, 3)
t("attrs", lambda: (r.start, r.stop, r.step, len(r), list(r)))
t("index", lambda: (r[0], r[-1], r[2], r.index(8), r.count(8), 8 in r, 9 in r))
t("slice", lambda: (r[1:3], r[::-1], r[::2], list(r[::-2])))
t("oob", lambda: r[100])
t("index missing", lambda: r.index(9))
t("zero step", lambda: range(1, 2, 0))
t("float", lambda: range(1.5))
t("empty", lambda: (len(range(5, 1)), list(range(0, -5, -2)), range(0) == range(2, 2), bool(range(0))))
t("eq", lambda: (range(0, 3) == range(3), range(0, 10, 20) == range(0, 1), hash(range(3)) == hash(range(0, 3))))
t("repr", lambda: (repr(range(3)), repr(range(1, 5, 2)), str(range(-1, 0))))
t("big", lambda: (len(range(10**20)), range(10**20)[-1], 10**19 in range(10**20)))
t("len overflow", lambda: len(range(2**63 * 4)))
t("reversed", lambda: list(reversed(range(1, 10, 4))))
t("no assign", lambda: r.__setitem__(0, 1))
