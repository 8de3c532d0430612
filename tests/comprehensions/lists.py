# List comprehensions: filters, nested loops, conditional expressions, nested comprehensions.
print([x for x in range(10)], [x * x for x in range(10) if x % 2], [x if x % 2 else -x for x in range(6)])
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c for w in ["ab", "cd"] for c in w], [w.upper() for w in "the end".split()])
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)], [x for row in m for x in row if x > 2])
print([len(s) for s in ["", "a", "ab"]], [n for n in range(2, 30) if all(n % d for d in range(2, n))])
print([(x, y) for x in range(3) if x for y in "ab" if y != "b"])
