# the cycle collector: gc.collect() counts, finalizers on cyclic garbage, resurrection
import gc
class A:
    pass
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
gc.collect()
a = A(); a.self = a; del a
print(gc.collect())
a = A(); b = A(); a.b = b; b.a = a; del a, b
print(gc.collect())
l = []; l.append(l); del l
print(gc.collect())
d = {}; d["d"] = d; del d
print(gc.collect())
def f(): pass
f.me = f; del f
print(gc.collect())
x = D(1); x.self = x; del x
print(gc.collect())
x = D(2); y = D(3); x.y = y; y.x = x; del x, y
n = gc.collect()
print("collected", n)
class Lazarus:
    def __del__(self):
        global keep
        print("finalizing once")
        keep = self
z = Lazarus(); z.self = z; del z
print(gc.collect())
print(type(keep).__name__, keep.self is keep)
keep = None
print(gc.collect())
print(gc.collect())
