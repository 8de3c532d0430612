# classic ciphers with str methods, ord/chr, and round trips
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
def vigenere(s, key, sign=1):
    out, i = [], 0
    for ch in s:
        if ch.isalpha():
            k = ord(key[i % len(key)].lower()) - 97
            base = 65 if ch.isupper() else 97
            out.append(chr((ord(ch) - base + sign * k) % 26 + base))
            i += 1
        else:
            out.append(ch)
    return "".join(out)
msg = "Attack at Dawn, 5 o'clock!"
for k in (1, 13, 25, -3):
    e = caesar(msg, k)
    print(k, e, caesar(e, -k) == msg)
v = vigenere(msg, "Lemon")
print(v, vigenere(v, "Lemon", -1))
table = str.maketrans("abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba")
print(msg.lower().translate(table))
freq = sorted(((msg.lower().count(c), c) for c in set(msg.lower()) if c.isalpha()), reverse=True)[:3]
print(freq)
