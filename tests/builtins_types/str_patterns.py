# str.count/replace/find with overlapping and empty patterns
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
t("count overlap", lambda: ("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa")))
t("replace count", lambda: ("aaaa".replace("aa", "b"), "abab".replace("ab", "", 1), "".replace("", "x"), "ab".replace("", "", 5)))
t("replace neg", lambda: "aaa".replace("a", "b", -1))
t("empty find", lambda: ("abc".find(""), "abc".rfind(""), "abc".find("", 10), "abc".index("", 3)))
t("in", lambda: ("" in "abc", "" in "", "abc" in "ab"))
t("startswith empty", lambda: ("abc".startswith(""), "abc".startswith("", 4), "abc".endswith("", 3)))
t("split sep maxsplit 0", lambda: ("a b c".split(None, 0), "a,b".split(",", 0), " a b ".split(None, 0)))
t("rsplit none", lambda: "  a  b  ".rsplit())
t("splitlines empty", lambda: ("".splitlines(), "\n".splitlines(), "a\n\nb".splitlines()))
t("replace type", lambda: "a".replace(1, "b"))
t("find type", lambda: "a".find(1))
t("join non-iter", lambda: "".join(5))
t("split type", lambda: "a".split(1))
