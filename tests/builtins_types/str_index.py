# str indexing, slicing with code points, comparison, errors
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
s = "héllo wörld ☃!"
t("len", lambda: len(s))
t("idx", lambda: (s[0], s[1], s[-1], s[-2]))
t("slices", lambda: (s[1:4], s[::-1], s[::3], s[-5:], s[100:], s[:-100]))
t("oob", lambda: s[100])
t("str idx type", lambda: s["a"])
t("float idx", lambda: s[1.0])
t("cmp", lambda: ("a" < "b", "ab" < "a", "Z" < "a", "é" > "z", "abc" == "abc", "a" < "aa"))
t("cmp bad", lambda: "a" < 1)
t("concat bad", lambda: "a" + 1)
t("assign", lambda: s.__setitem__(0, "x"))
t("ord chr", lambda: (ord("☃"), chr(9731), ord("a"), chr(0x1F600)))
t("ord bad", lambda: ord("ab"))
t("chr bad", lambda: chr(-1))
t("chr big", lambda: chr(0x110000))
t("contains bad", lambda: 1 in "abc")
t("iter", lambda: list("aé☃"))
t("str()", lambda: (str(), str(1.5), str(b"x"), str(None), str([1, "a"])))
t("str bytes enc", lambda: str(b"caf\xc3\xa9", "utf-8"))
t("encode", lambda: ("é".encode(), "é".encode("latin-1"), "abc".encode("ascii")))
t("encode bad", lambda: "é".encode("ascii"))
t("decode bad", lambda: b"\xff".decode())
