# str methods: searching
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
s = "abracadabra"
for sub in ["a", "bra", "z", "", "abracadabra!"]:
    t(sub, lambda: (s.find(sub), s.rfind(sub), s.count(sub), s.startswith(sub), s.endswith(sub), sub in s))
t("find range", lambda: (s.find("a", 1), s.find("a", 1, 3), s.rfind("a", 0, -1), s.count("a", 2, 8)))
t("index", lambda: s.index("cad"))
t("index missing", lambda: s.index("zz"))
t("rindex missing", lambda: s.rindex("zz"))
t("startswith tuple", lambda: (s.startswith(("x", "ab")), s.endswith(("ra", "q")), s.startswith("bra", 1)))
t("startswith bad", lambda: s.startswith(["a"]))
t("negative", lambda: (s.find("a", -3), s.count("", 0, 3), "".count("")))
