# Set algebra on ranges; primes via set difference; update/intersection_update etc.
n = 50
composites = {i * j for i in range(2, 8) for j in range(2, n // 2 + 1) if i * j < n}
primes = set(range(2, n)) - composites
print(sorted(primes))
s = set(range(10))
s.update([10, 11], {12})
print(s)
s.intersection_update(range(5, 20))
print(s)
s.difference_update({5, 6})
print(s)
s.symmetric_difference_update({7, 100})
print(sorted(s))
print(s.copy() == s, s.copy() is s, {1, 2}.union({3}, [4], (5,)), {1, 2, 3}.intersection({2, 3}, [3]))
print({True, 1, 1.0}, {0, False}, len({-0.0, 0}))
