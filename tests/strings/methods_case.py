# Case and classification methods: upper/lower/title/capitalize/swapcase/is*.
for s in ("hello world", "HELLO", "hello-world it's", "ß straße", "ǅungla", "123abc", "", "  ", "Ab1 ", "Ⅻ", "١٢٣"):
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
    print(" ", s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.istitle(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isprintable(), s.isascii())
