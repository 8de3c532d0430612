# Core str methods: split/join/strip/replace/find/index/count/startswith/endswith.
s = "  Hello, World! Hello again.  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" .H")))
print(s.split(), s.split(","), s.split("Hello"), s.split(" ", 3), s.rsplit(" ", 2))
print("a,b,,c,".split(","), "".split(), "".split(","), "  a  b  ".split(" "))
print("-".join(["x", "y", "z"]), "".join([]), ", ".join("abc"), "+".join(("1",)))
print(s.replace("Hello", "Bye"), s.replace("l", "L", 2), "aaaa".replace("a", "bb"), "abc".replace("", "-"))
print(s.find("Hello"), s.find("Hello", 5), s.find("zzz"), s.rfind("Hello"), s.index("World"), s.rindex("l"))
print(s.count("l"), s.count("Hello"), "aaaa".count("aa"), "abc".count(""), s.count("l", 0, 10))
print(s.startswith("  He"), s.startswith(("x", "  ")), s.endswith("  "), s.endswith("."), s.startswith("World", 9))
try:
    s.index("nope")
except ValueError as e:
    print("ValueError", e)
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError", e)
print("x".join(["a"]), "ab".split("ab"), "mississippi".split("ss"), "a b\tc\nd".split())
print("1,2,3".split(",", 1), "1,2,3".rsplit(",", 1), "xyx".strip("x"), "www.example.com".lstrip("cmowz."))
print("abc".removeprefix("ab"), "abc".removesuffix("bc"), "abc".removeprefix("x"))
