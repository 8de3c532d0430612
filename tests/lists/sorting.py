# sort()/sorted(): stability, key, reverse, tuples, mixed-type error, sorting in place returns None.
data = [(3, "c"), (1, "b"), (3, "a"), (2, "z"), (1, "a")]
print(sorted(data), sorted(data, key=lambda t: t[0]), sorted(data, key=lambda t: t[0], reverse=True))
print(sorted(data, key=lambda t: t[1]), sorted(data, reverse=True))
l = [5, -2, 9, 0, -7, 3]
r = l.sort()
print(r, l)
l.sort(key=abs); print(l)
l.sort(key=lambda x: -x); print(l)
l.sort(reverse=True, key=lambda x: x % 3); print(l)
print(sorted("hello"), sorted([3.5, 1, 2.25]), sorted([[2, 1], [1, 2], [1]]), sorted([]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
print(sorted(range(20), key=lambda x: (x % 4, -x)))
