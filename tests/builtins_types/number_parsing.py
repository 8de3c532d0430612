# int() and float() parsing edge cases
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
for s in ["0", "-0", "+5", " 12 ", "1_000", "1__0", "_1", "0x10", "١٢٣", "0010", "1e3", "", " ", "12 3"]:
    t("int " + repr(s), lambda: int(s))
for s in ["1.5", "-.5", "5.", "1e-3", "1E+3", "inf", "-INF", "nan", "1_0.5", "1._5", "0x1p3", "infinity", "--1", "1e"]:
    t("float " + repr(s), lambda: float(s))
for s, b in [("z", 36), ("Z", 36), ("10", 2), ("0b10", 2), ("0B10", 0), ("0o7", 8), ("10", 37), ("10", 0), ("010", 0), ("0", 0), ("00", 0)]:
    t(f"int({s!r}, {b})", lambda: int(s, b))
t("int bytes", lambda: (int(b"42"), int(bytearray(b" 7 ")), float(b"1.5")))
t("int huge str", lambda: len(str(int("9" * 1000))))
