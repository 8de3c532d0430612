# Palindromes, rotations and chunking using slices.
def is_pal(s):
    t = "".join(c.lower() for c in s if c.isalnum())
    return t == t[::-1]
for s in ("racecar", "A man, a plan, a canal: Panama", "hello", "", "ab"):
    print(repr(s), is_pal(s))
w = "rotation"
for k in range(0, len(w), 3):
    print(k, w[k:] + w[:k], w[-k:] + w[:-k] if k else w)
data = "abcdefghijklmnopq"
print([data[i:i + 5] for i in range(0, len(data), 5)])
print(data[::5], data[1::5], data[-1::-5])
