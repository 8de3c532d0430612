# Misc str API: str() of objects, translate/maketrans, ord/chr round-trip, isinstance, iteration.
print(str(12), str(-3.5), str(None), str([1, "a"]), str((1,)), str({"a": 1}), str(True))
table = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print("".join(chr(ord(c) + 1) for c in "HAL"), [ord(c) for c in "AZaz09"])
print(isinstance("x", str), type("x") is str, str.upper("abc"), "abc".__len__(), "abc".__contains__("b"))
print("a-b_c d".replace("-", " ").replace("_", " ").split(), "CamelCaseString".lower())
s = "The quick brown fox jumps over the lazy dog"
print(len(s), len(set(s.lower()) - {" "}) == 26, s.split()[::2], s.title(), s.swapcase())
print(" ".join(w[::-1] for w in s.split()), max(s.split(), key=len), sorted(s.split(), key=str.lower))
print("abc" * 3 == "abcabcabc", "abc".endswith(("x", "c")), "%-6s|" % "ab", "%+.2f" % 2)
print("{:*<10}".format("pad"), "x".isupper(), "X".isupper(), "5".isdigit(), "-5".isdigit())
