# builtin functions with iterables of many kinds
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
class Sq:
    def __init__(self, n): self.n = n
    def __iter__(self): return (i * i for i in range(self.n))
t("list", lambda: list(Sq(4)))
t("tuple", lambda: tuple(Sq(3)))
t("set", lambda: sorted(set(Sq(4))))
t("dict", lambda: dict(zip(Sq(3), "abc")))
t("sum", lambda: sum(Sq(5)))
t("max", lambda: max(Sq(5)))
t("sorted", lambda: sorted(Sq(4), reverse=True))
t("enumerate", lambda: list(enumerate(Sq(3))))
t("any all", lambda: (any(Sq(1)), all(Sq(3)), all(Sq(0))))
t("join", lambda: ",".join(map(str, Sq(4))))
t("str join bad", lambda: ",".join(Sq(2)))
t("unpack", lambda: [*Sq(3), *Sq(2)])
t("in", lambda: (4 in Sq(3), 9 in Sq(3)))
t("min key", lambda: min(Sq(4), key=lambda x: abs(x - 5)))
t("bytes", lambda: bytes(Sq(4)))
t("bytearray", lambda: bytearray(Sq(3)))
