# Generator expressions: laziness, consumption by builtins, nesting, one-shot iteration.
g = (x * x for x in range(5))
print(sum(g), sum(g))
print(list(x for x in "abc"), tuple(c.upper() for c in "xy"), max(len(w) for w in ["a", "abc", "ab"]))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i
lazy = (v * 10 for v in noisy(3))
print("before consumption")
for v in lazy:
    print("consume", v)
print(any(x > 3 for x in noisy(10)))
print(sorted((x % 3, x) for x in range(7)), dict((k, k * 2) for k in range(3)))
print(", ".join(str(i) for i in range(5)), "".join(reversed([c for c in "gen"])))
