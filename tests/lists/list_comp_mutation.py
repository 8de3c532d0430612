# Enumerate/zip over lists while building others; in-place updates by index.
scores = [70, 85, 92, 60, 77]
names = ["ann", "bob", "cid", "dee", "eve"]
for i, (n, s) in enumerate(zip(names, scores), 1):
    print(i, n, s, "pass" if s >= 70 else "fail")
for i in range(len(scores)):
    scores[i] = min(100, scores[i] + 10)
print(scores)
pairs = list(zip(names, scores))
pairs.sort(key=lambda p: p[1], reverse=True)
print(pairs, list(zip(*pairs)))
print(list(enumerate("abc")), list(zip([1, 2, 3], "ab")), list(zip()))
