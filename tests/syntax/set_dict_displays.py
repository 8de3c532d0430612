# set/dict displays and comprehensions with duplicates and ordering
d = {"a": 1, "b": 2, "a": 3}
print(d, len(d))
s = {3, 1, 3, 2, 1}
print(sorted(s), len(s))
print({1: "int", 1.0: "float", True: "bool"})
print({True: 1, 1: 2})
print({x: x * x for x in range(5) if x % 2})
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(type({}).__name__, type({1}).__name__, set(), dict())
