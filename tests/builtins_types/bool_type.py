# bool behaviour as int subclass
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
t("arith", lambda: (True + True, True * 10, False - True, True / 2, True // 1, -True, ~True, ~False))
t("bitwise", lambda: (True & False, True | False, True ^ True, True & 1, type(True & 1), type(True | False)))
t("repr", lambda: (repr(True), str(False), f"{True}", f"{True:d}", format(False, ">6"), "%d" % True))
t("bool()", lambda: (bool(), bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(None), bool("0"), bool([0])))
t("isinstance", lambda: (isinstance(True, int), type(True).__mro__ == (bool, int, object) if False else bool.__mro__[1].__name__))
t("subclass", lambda: type("B", (bool,), {}))
t("hash", lambda: (hash(True), hash(False), {True: "a", 1: "b"}))
t("sum", lambda: sum([True, True, False, True]))
t("compare", lambda: (True > False, True == 1, False == 0, True is not False))
t("bool new", lambda: (bool(5), bool.__new__(bool, 0)))
