# min/max with key/default, multiple args, errors; sum with start and floats.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a", "c"))
print(max([1, -5, 3], key=abs), min(["bb", "a", "ccc"], key=len), max([], default="empty"), min((), default=None))
print(max([(1, "b"), (1, "a")]), min({3: "x", 1: "y"}), max({3: "x", 1: "y"}.values()))
print(max([2, 2.0]), max([2.0, 2]), min([1, True]), max("a", "b", key=lambda c: -ord(c)))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 3), sum([[1], [2, 3]], []), sum(range(5), start=100), sum([]))
print(sum([1.5, 2, 3]), sum(x / 10 for x in range(11)), sum([10 ** 20, 1, -10 ** 20]))
for call in (lambda: max([]), lambda: min(), lambda: max(1), lambda: sum(["a", "b"]), lambda: sum([1], "")):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
