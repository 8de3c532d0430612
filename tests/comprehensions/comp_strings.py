# Comprehensions over strings: char classes, caesar cipher, word lengths, filtering unicode.
s = "Hello, Wörld! 123"
print([c for c in s if c.isalpha()], [c for c in s if c.isdigit()], "".join(c for c in s if c.isalnum()))
def caesar(t, k):
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if "a" <= c <= "z" else chr((ord(c) - 65 + k) % 26 + 65) if "A" <= c <= "Z" else c for c in t)
enc = caesar("Attack at Dawn!", 3)
print(enc, caesar(enc, -3))
print({w: len(w) for w in "a bb ccc bb".split()}, [w[::-1] for w in "ab cd".split()])
print(sum(1 for c in "mississippi" if c == "s"), [i for i, c in enumerate("banana") if c == "a"])
