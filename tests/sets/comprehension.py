# Set comprehensions and dedup; printed via sorted() when elements are strings.
nums = [1, 5, 2, 5, 3, 1, 9, 2]
print({n for n in nums}, sorted({n * n for n in nums if n > 2}), {n % 4 for n in range(100)})
words = ["apple", "Apple", "APPLE", "banana", "Banana"]
print(sorted({w.lower() for w in words}), len(set(words)))
seen = set()
uniq = []
for n in nums:
    if n not in seen:
        seen.add(n)
        uniq.append(n)
print(uniq, sorted(seen))
print(sorted(set(range(10)) - {x for x in range(10) if x % 3}), {c for c in "hello"} == set("helo"))
