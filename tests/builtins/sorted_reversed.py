# sorted with key/reverse over many iterable kinds; reversed() over sequences and custom __reversed__.
print(sorted([3, 1, 2]), sorted((3, 1, 2), reverse=True), sorted("cba"), sorted({3: 0, 1: 0}), sorted({5, 4}))
print(sorted(["b", "A", "c"], key=str.lower), sorted(range(10), key=lambda x: x % 3), sorted([], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
class R:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(R())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
l = [1, 2, 3]
r = reversed(l)
print(next(r), list(r), l)
