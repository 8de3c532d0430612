# Edge cases: empty strings, single chars, whitespace-only, split with maxsplit, strip of all.
e = ""
print(repr(e.upper()), repr(e.strip()), e.split(), e.split("x"), e.find(""), e.count(""), repr(e[::-1]))
print(" ".split(), "   ".strip() == "", "x".center(0), "abc".split(" ", 0), " a b ".split(None, 1))
print("a".join(""), "a".join("b"), "".join(["", ""]), "aaa".find("a", 10), "aaa".rfind(""), "abc".find("", 2))
print("aXbXc".split("X", -1), "aXbXc".rsplit("X", 1), "x" in "", "" in "", "".startswith(""))
print("\t\n x \r\f\v".strip(), repr("\u3000x\u3000".strip()), "\xa0".isspace())
print(str(), repr(str()), len(str()), "abc"[5:] == "", "abc"[-10:10])
