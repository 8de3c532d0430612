# __getitem__/__setitem__/__delitem__ with ints, slices, tuples, __missing__
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(repr(key), ".")
    def __setitem__(self, key, v):
        print("set", key, v)
        self.cells[repr(key)] = v
    def __delitem__(self, key):
        print("del", key)
        del self.cells[repr(key)]
g = Grid()
g[1, 2] = "x"
print(g[1, 2], g[0, 0])
g[1:3] = "slice"
print(g[1:3], g[::2], g[1:2, ::3] if False else g[...])
del g[1, 2]
try:
    del g[9]
except KeyError as e:
    print("KeyError", e)
class D(dict):
    def __missing__(self, k):
        return f"missing {k}"
d = D(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d)
class NoSet:
    def __getitem__(self, i): return i
try:
    NoSet()[0] = 1
except TypeError as e:
    print(e)
try:
    del NoSet()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    object()[0]
except TypeError as e:
    print(e)
