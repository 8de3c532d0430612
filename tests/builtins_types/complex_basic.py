# complex numbers basics
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
z = 3 + 4j
t("parts", lambda: (z.real, z.imag, z.conjugate(), abs(z)))
t("arith", lambda: (z + 1, z * 2j, z / 2, z - z, z ** 2, (1j) ** 2))
t("repr", lambda: [repr(c) for c in (1j, -1j, 1 + 0j, complex(0, 0), complex(-0.0, -0.0), 1.5 - 2.5j, complex(1e20, 1))])
t("complex()", lambda: (complex(1), complex(1, 2), complex("1+2j"), complex("-3j"), complex(" 2 ")))
t("bad str", lambda: complex("1 + 2j"))
t("compare", lambda: (1 + 0j == 1, 1j == 1j))
t("order", lambda: 1j < 2j)
t("div zero", lambda: 1j / 0)
t("floordiv", lambda: 1j // 1)
t("int()", lambda: int(1j))
