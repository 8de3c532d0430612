# PEP 442: cyclic garbage with __del__ is collected; each __del__ runs exactly once,
# even when it resurrects its object; weakrefs are cleared before finalizers run
import gc
import weakref

gc.collect()
gc.disable()

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("del", self.name, "peer:", self.peer.name if self.peer else None)

a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
wa = weakref.ref(a)
del a, b
print("before collect")
print("collected", gc.collect())
print("weakref cleared", wa() is None)

survivors = []
class Phoenix:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        print("phoenix del", self.n)
        survivors.append(self)
p = Phoenix(1)
del p
print("collected", gc.collect())
print("resurrected:", [s.n for s in survivors], survivors[0].me is survivors[0])
survivors.clear()
print("collected again", gc.collect())
print(len(survivors))

class Half:
    def __del__(self):
        print("half del, partner alive:", type(self.partner).__name__)
h = Half()
h.partner = [h, "payload"]
del h
print("collected", gc.collect())

def make_gen_cycle():
    def g(box):
        try:
            yield 1
        finally:
            print("generator finally ran, box holds", len(box))
    box = []
    it = g(box)
    box.append(it)
    next(it)
make_gen_cycle()
gc.collect()
print("generator collected")

gc.enable()
print("done")
