# word statistics over an embedded text using dicts, sorting and formatting
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
words = [w.strip(",.").lower() for w in TEXT.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for w, c in top:
    print(f"{w:>12} {c:3d} {'#' * c}")
print("distinct", len(freq), "total", len(words))
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
lines = TEXT.splitlines()
print([len(l) for l in lines], max(lines, key=len)[:20])
caps = [w for w in TEXT.replace(",", "").split() if w[0].isupper()]
print(caps)
print(" ".join(reversed(lines[0].split()[:5])).title())
