# iter()/next() with default, iter with sentinel callable, iterating an iterator twice.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
vals = [3, 2, 1, 0, 5]
pos = [0]
def reader():
    v = vals[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
s = iter("abc")
print(list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), list(d))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
