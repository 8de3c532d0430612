# String operators: +, *, in, comparisons, iteration, hash consistency (no values printed).
a, b = "hello", "world"
print(a + " " + b, a * 2, 3 * "ab", "x" * 0, "x" * -1, repr("" * 5))
print("ell" in a, "xyz" in a, "" in a, "H" in a, "lo w" in a + " " + b, "a" not in b)
print(a < b, a == "hel" + "lo", a != b, "abc" < "abcd", "B" < "a", "é" > "e", "10" < "9")
print([c for c in "abc"], list(reversed("abc")), sorted("banana"), "".join(sorted("banana")))
print(hash("abc") == hash("ab" + "c"), len({"a", "a", "b"}), "%s-%s" % (a, b))
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError", e)
try:
    print("a" * 1.5)
except TypeError as e:
    print("TypeError", e)
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError", e)
try:
    print("a" < 1)
except TypeError as e:
    print("TypeError", e)
print(min("hello"), max("hello"), len(a * 1000), str(123) + "4", "a" "b" * 2)
