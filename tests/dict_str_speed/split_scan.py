# str.split() and str.split(c) scan eight bytes at a time; pieces must match CPython's at
# every offset, with control characters that are (\x1c-\x1f, \t-\r) and are not
# (\x00-\x08, \x0e-\x1b, \x7f) whitespace.
import random

rng = random.Random(7)
alphabet = "ab x\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x00\x01\x08\x0e\x1b\x7f!~ "
total = 0
digest = 0
for n in range(0, 40):
    for _ in range(30):
        s = "".join(rng.choice(alphabet) for _ in range(n))
        parts = s.split()
        total += len(parts)
        for p in parts:
            digest = (digest * 31 + len(p) + 1) % 1000003
        for k in (0, 1, 2):
            r = s.split(None, k)
            digest = (digest * 7 + sum(map(len, r)) + len(r)) % 1000003
        for sep in (" ", "x", "\x00", "\x1f"):
            q = s.split(sep)
            assert sep.join(q) == s
            digest = (digest * 13 + len(q)) % 1000003
            q2 = s.split(sep, 2)
            assert sep.join(q2) == s and len(q2) <= 3
print(total, digest)

for s in ["", " ", "abcdefgh", "abcdefgh ", " abcdefgh", "abcdefghi jklmnopqrstuvw xyz",
          "a\x00b c\x1fd\x1ee", "12345678\x0012345678 x", "word\x7f8 next",
          "hello world this is a line of ten words for the test",
          "日本 語\u3000テキスト", "é è\xa0ê", "a\x85b", "x" * 100 + " " + "y" * 7]:
    print(repr(s.split()), repr(s.split(" ")), repr(s.split(None, 1)), repr(s.split(" ", 1)))

text = " ".join("w%d" % i for i in range(1000))
tokens = text.split(" ")
print(len(tokens), tokens[:3], tokens[-2:], text.split("w9")[1:3])
print("a,b,,c,".split(","), ",a,".split(",", 1), "日,本".split(","), "aé,b".split(","))
print("AB CD".lower().split(), "ab cd".upper().split())
