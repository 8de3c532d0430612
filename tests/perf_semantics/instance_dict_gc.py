# The cycle collector, weak references and finalizers with compact instances.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
wa = weakref.ref(a, lambda r: print("callback for a"))
del a, b
print("collected", gc.collect())
print(wa())

# a cycle through a materialized dict
c = Node("c")
c.__dict__["self"] = c
wc = weakref.ref(c)
del c
print("collected", gc.collect(), wc())

# a cycle through values only, more attributes than the first layout
d = Node("d")
for i in range(10):
    setattr(d, "v%d" % i, [d])
wd = weakref.ref(d)
del d
gc.collect()
print(wd())

# gc.get_referents sees the attribute values
e = Node("e")
e.other = [1]
refs = gc.get_referents(e)
print(Node in refs, "e" in refs, [1] in refs)
e.__dict__
print(any(type(r) is dict for r in gc.get_referents(e)))


class Fin:
    def __init__(self, n):
        self.n = n
        self.data = [n]

    def __del__(self):
        print("del", self.n, self.data)
        self.data = None   # touching the instance during finalization


f = Fin(1)
del f
g = Fin(2)
g.me = g
del g
gc.collect()

saved = []


class Phoenix:
    def __init__(self):
        self.x = "alive"

    def __del__(self):
        saved.append(self)


Phoenix()
print(saved[0].x)
saved[0].y = 1
print(vars(saved[0]))
saved.clear()

# weakref to instances, WeakValueDictionary
class K:
    pass


k = K()
k.v = 1
wr = weakref.ref(k)
wvd = weakref.WeakValueDictionary()
wvd["k"] = k
print(wr() is k, wr().v, len(wvd))
del k
print(wr(), len(wvd))

# many short-lived instances in a loop
total = 0
for i in range(20000):
    n = Node(i)
    n.other = n
    total += n.name
print(total, gc.collect() >= 0)
