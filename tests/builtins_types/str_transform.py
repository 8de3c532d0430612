# str methods: strip, pad, replace, expandtabs, zfill, prefix/suffix
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
t("strip", lambda: ("  x  ".strip(), "xxhixx".strip("x"), "abcba".lstrip("ab"), "abcba".rstrip("ab")))
t("center", lambda: ("ab".center(7, "*"), "ab".center(6), "abc".center(2), "a".ljust(4, "-"), "a".rjust(4, "0")))
t("center bad fill", lambda: "a".center(5, "ab"))
t("replace", lambda: ("aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("x", "y"), "aXbXc".replace("X", "")))
t("expandtabs", lambda: ("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "\t".expandtabs(0)))
t("zfill", lambda: ("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2)))
t("removeprefix", lambda: ("prefix_name".removeprefix("prefix_"), "name".removeprefix("x"), "a.py".removesuffix(".py")))
t("translate", lambda: "hello".translate({ord("l"): "L", ord("o"): None}))
t("maketrans", lambda: "abc".translate(str.maketrans("ab", "xy", "c")))
t("maketrans dict", lambda: str.maketrans({"a": "1"}))
t("maketrans bad", lambda: str.maketrans("ab", "x"))
t("mul", lambda: ("ab" * 3, 0 * "ab", "x" * -1))
t("format_map", lambda: "{a}-{b}".format_map({"a": 1, "b": 2}))
