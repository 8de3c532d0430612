# slice objects and indices()
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
s = slice(1, 10, 2)
t("attrs", lambda: (s.start, s.stop, s.step, repr(s)))
t("indices", lambda: (s.indices(5), slice(None).indices(3), slice(-3, None).indices(10), slice(None, None, -1).indices(4)))
t("indices bad", lambda: slice(0, 1, 0).indices(3))
t("use", lambda: ("abcdefghijk"[s], list(range(20))[slice(5)], [0, 1, 2][slice(None, None, -1)]))
t("eq", lambda: (slice(1, 2) == slice(1, 2), slice(1) == slice(None, 1)))
t("hash", lambda: hash(slice(1)))
t("one arg", lambda: (slice(5).start, slice(5).stop))
t("bad idx", lambda: [1, 2][slice("a", None)])
