# bytes and bytearray basics
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
b = b"hello world"
t("index slice", lambda: (b[0], b[-1], b[1:4], b[::-1]))
t("methods", lambda: (b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"o"), b.count(b"l"), b.startswith(b"he")))
t("hex", lambda: (b"\x01\xff".hex(), bytes.fromhex("01ff 10"), b"ab".hex("-")))
t("decode", lambda: (b.decode(), b"\xc3\xa9".decode("utf-8"), b"\xe9".decode("latin-1")))
t("bytes()", lambda: (bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3))))
t("bytes bad", lambda: bytes([256]))
t("bytes str no enc", lambda: bytes("abc"))
t("concat", lambda: (b"a" + b"b", b"ab" * 2, b"a" + bytearray(b"b")))
t("concat bad", lambda: b"a" + "b")
t("repr", lambda: (repr(b"\x00\n'\""), repr(b"'"), repr(bytearray(b"x"))))
t("bytearray mutation", lambda: [ba := bytearray(b"abc"), ba.append(100), ba.extend(b"ef"), ba.__setitem__(0, 65), ba.pop(), ba.insert(0, 33), ba][6])
t("bytearray bad item", lambda: bytearray(b"a").__setitem__(0, 300))
t("join", lambda: (b",".join([b"a", b"b"]), bytearray(b"-").join([b"x", b"y"])))
t("in", lambda: (b"ll" in b, 104 in b, 300 in b if False else 0))
t("compare", lambda: (b"a" < b"b", b"a" == bytearray(b"a"), b"a" == "a"))
t("fromhex bad", lambda: bytes.fromhex("zz"))
t("iter", lambda: list(b"ab"))
