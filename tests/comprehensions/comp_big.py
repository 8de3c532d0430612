# Bigger comprehensions: 10^5 items, conditions, aggregation.
n = 100000
evens = [i for i in range(n) if i % 2 == 0]
print(len(evens), evens[-1], sum(evens))
sq = {i: i * i for i in range(1000)}
print(len(sq), sq[999], sum(sq.values()))
mods = {i % 97 for i in range(n)}
print(len(mods), min(mods), max(mods))
pyth = [(a, b, c) for c in range(1, 40) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
