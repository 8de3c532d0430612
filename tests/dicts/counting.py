# Word counting with dicts from a fixed text; tie-breaking by word; top-N.
text = """the cat sat on the mat the dog sat on the log
and the cat saw the dog and the dog saw the cat"""
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
print(freq)
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in top[:5]:
    print(f"{w:>5} {c:3d} {'#' * c}")
by_count = {}
for w, c in freq.items():
    by_count.setdefault(c, []).append(w)
print({c: sorted(ws) for c, ws in sorted(by_count.items())})
