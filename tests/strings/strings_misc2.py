# More methods: title edge cases, startswith tuple, index with bounds, join generator, str.split maxsplit.
print("hello world".title(), "HELLO WORLD".title(), "they're bill's".title(), "a1b2c3".title())
print("x".join(str(i) for i in range(5)), "".join(map(str, [1, 2, 3])))
s = "abracadabra"
print(s.index("a", 1), s.index("a", 4, 8), s.rindex("a", 0, 10), s.find("bra", 2), s.rfind("bra", 0, 5))
print(s.split("a", 2), s.rsplit("a", 2), s.partition("cad"), s.replace("a", "", 3), s.strip("ab"))
print(s.upper().lower() == s, s.capitalize(), s.center(15, "~"), s.count("a", 3), s.count("abra"))
print(s.startswith("bra", 1), s.endswith("cad", 0, 7), s.find("a", -3), s[-3:].find("b"))
print(s.isalpha(), "a b".isalpha(), "".isalpha(), "abc123".isalnum(), "12.5".isdigit())
