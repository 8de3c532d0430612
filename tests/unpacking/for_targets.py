# unpacking in for loop targets and comprehensions
pairs = [(1, "a"), (2, "b"), (3, "c")]
for n, s in pairs:
    print(n, s)
for i, (n, s) in enumerate(pairs):
    print(i, n, s)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
print([a * b for a, b in zip(range(3), range(3, 6))])
print({k: v for v, k in pairs})
d = {"x": 1, "y": 2}
for k, v in d.items():
    print(k, v)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
class P:
    pass
p = P()
for p.attr in range(3):
    pass
print(p.attr)
lst = [0, 0]
for lst[0] in range(5):
    pass
print(lst)
