# Building strings incrementally (+=, join, list of parts) and long strings.
s = ""
for i in range(20):
    s += str(i % 10)
print(s, len(s))
parts = []
for i in range(1, 6):
    parts.append("*" * i)
print("\n".join(parts))
print("\n".join(p.rjust(5) for p in parts))
big = "ab" * 5000
print(len(big), big[4998:5003], big.count("ab"), big.find("ba"), big.rfind("ab"))
acc = []
for w in "to be or not to be".split():
    acc.append(w.capitalize())
print(" ".join(acc), "-".join(reversed(acc)))
rows = ["|".join(f"{r * c:3}" for c in range(1, 6)) for r in range(1, 6)]
print("\n".join(rows))
