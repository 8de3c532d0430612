# frozenset: hashable, usable as dict key and in sets, equality with set.
f = frozenset([1, 2, 3])
d = {f: "first", frozenset(): "empty"}
print(d[frozenset({3, 2, 1})], d[frozenset()], f == {1, 2, 3}, {1, 2, 3} == f)
ss = {frozenset({1}), frozenset({1}), frozenset({2, 1})}
print(len(ss), sorted(sorted(x) for x in ss))
print(f | {4}, type(f | {4}).__name__, type({4} | f).__name__, f & {2, 9})
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError", e)
