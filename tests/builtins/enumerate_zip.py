# enumerate with start, zip of unequal lengths, zip(*...) unzip, map with multiple iterables, filter.
print(list(enumerate("abc")), list(enumerate("abc", start=1)), list(enumerate([], 5)), list(enumerate("xy", -2)))
print(list(zip([1, 2, 3], "ab")), list(zip(range(3), range(3, 6), "xyz")), list(zip()), list(zip([1])))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, chars = zip(*pairs)
print(nums, chars)
print(list(map(len, ["a", "bb", ""])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, "ab")))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, "", None, 1, "a", [], [0]])), list(filter(str.isdigit, "a1b2")))
e = enumerate("ab")
print(next(e), next(e), next(e, "done"))
z = zip("ab", [1, 2])
print(type(z).__name__, dict(z))
