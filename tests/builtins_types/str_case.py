# str methods: case conversions and predicates
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)
for s in ["hello World", "ÉCOLE", "straße", "ǅemo", "123abc", "", "  ", "Title Case Here", "a1_b2"]:
    t(s, lambda: (s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold()))
    t(s, lambda: (s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isdecimal(), s.isnumeric(), s.isprintable(), s.isascii()))
