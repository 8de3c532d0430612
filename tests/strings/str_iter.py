# Iterating strings: enumerate, zip, reversed, counting chars with dict (ordered output).
s = "hello, world"
for i, c in enumerate(s):
    if c in "lo":
        print(i, c)
counts = {}
for c in s:
    counts[c] = counts.get(c, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(list(zip("abc", "xyz")), list(reversed("abc")), [c * 2 for c in "abc"])
it = iter("ab")
print(next(it), next(it), next(it, "done"))
vowels = sum(1 for c in s if c in "aeiou")
print(vowels, any(c.isupper() for c in s), all(c.islower() or not c.isalpha() for c in s))
