# str methods: just/strip edge cases with unicode and fill chars
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
s = "ÄÖÜ straße ǆ ﬁ"
t("upper", lambda: s.upper())
t("lower", lambda: s.lower())
t("casefold", lambda: s.casefold())
t("title", lambda: "hello wORLD's 3rd".title())
t("capitalize", lambda: "ǆemo TEST".capitalize())
t("swapcase", lambda: "ßAb".swapcase())
t("isdigit", lambda: ("²".isdigit(), "²".isdecimal(), "½".isnumeric(), "٣".isdecimal()))
t("len", lambda: (len(s), len(s.upper()), len("ﬁ".upper())))
t("center uni", lambda: "é".center(5, "·"))
t("isidentifier", lambda: ("_x1".isidentifier(), "1x".isidentifier(), "é".isidentifier(), "".isidentifier()))
t("isprintable", lambda: ("a\n".isprintable(), "".isprintable(), "\x7f".isprintable()))
t("split unicode ws", lambda: "a\u2003b\u00a0c".split())
t("strip unicode ws", lambda: "\u3000x\u2028".strip())
