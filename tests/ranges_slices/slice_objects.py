# slice objects, indices(), negative steps, slicing with None, out-of-range clamps on list/str/tuple.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
data = list(range(10))
for sl in (slice(None), slice(2, None), slice(None, -2), slice(None, None, -1), slice(-2, -8, -2), slice(8, 1, -3), slice(-100, 100, 5)):
    print(sl, data[sl], "abcdefghij"[sl], tuple(data)[sl])
print(slice(3) == slice(None, 3), repr(slice(1, 2)))
