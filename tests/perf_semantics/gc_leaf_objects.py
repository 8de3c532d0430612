# The collector skips the second traversal of objects that hold no reference into the
# collected set (instances of floats only, leaves of trees), and floats come from a
# dedicated allocation path: reachability, garbage, finalizers, weak reference callbacks
# and resurrection must be exactly as before.
import gc
import weakref

events = []


class Leaf:
    def __init__(self, name, v):
        self.name = name
        self.x = v * 1.5
        self.y = v / 3.0

    def __del__(self):
        events.append("del " + self.name)


class Node:
    def __init__(self, name, left=None, right=None):
        self.name = name
        self.left = left
        self.right = right

    def __del__(self):
        events.append("del " + self.name)


def report(title):
    events.sort()
    print(title, events)
    events.clear()


# A reachable chain: an outside reference -> node -> node -> leaf. The leaf holds only
# floats; it is marked reachable through its parent's traversal.
gc.collect()
root = Node("r", Node("m", Leaf("l", 2.0)))
wl = weakref.ref(root.left.left)
gc.collect()
print("chain alive", wl() is not None, wl().x, wl().y)
report("after collect")
del root
report("after del root")

# Garbage: a cycle holding a leaf. The leaf is freed with the cycle.
a = Node("a")
b = Node("b", a, Leaf("c", 4.0))
a.left = b
wc = weakref.ref(b.right, lambda r: events.append("callback c"))
del a, b
print("collected", gc.collect() > 0)
report("cycle")
print("weakref cleared", wc() is None)

# A leaf referenced from a garbage cycle and from outside survives.
a = Node("a2")
a.left = a
keep = Leaf("k", 1.0)
a.right = keep
del a
gc.collect()
report("self cycle")
print("kept", keep.name, keep.x)

# Resurrection: a finalizer stores its object (which holds a leaf) in a global.
saved = []


class Phoenix:
    def __init__(self):
        self.me = self
        self.leaf = Leaf("p-leaf", 3.0)

    def __del__(self):
        events.append("phoenix del")
        saved.append(self)


Phoenix()
gc.collect()
report("resurrect")
print("saved", len(saved), saved[0].leaf.x)
saved[0].me = None
saved.clear()
gc.collect()
report("second death")

# Many young leaves holding floats, some in cycles, across automatic collections.
objs = []
for i in range(3000):
    o = Leaf("n%d" % i, float(i))
    if i % 3 == 0:
        n = Node("cyc%d" % i)
        n.left = n
        n.right = o
    else:
        objs.append(o)
gc.collect()
print("cycles freed", len([e for e in events if e.startswith("del cyc")]))
print("leaves freed", len([e for e in events if e.startswith("del n")]))
events.clear()
print("alive sum", sum(o.x for o in objs), sum(o.y for o in objs))
objs.clear()
print("freed with list", len(events))
events.clear()

# Floats: more alive at once than any free list holds, freed, reused; subclasses keep
# their type, attributes and identity rules.
fl = [i * 0.5 for i in range(5000)]
print(sum(fl), fl[4999], type(fl[10]).__name__)
del fl
fl = [float(i) + 0.25 for i in range(600)]
print(sum(fl), min(fl), max(fl))


class F(float):
    def __del__(self):
        events.append("F del %r" % float(self))


f = F(2.5)
f.tag = "t"
g = f * 2
print(type(f).__name__, f.tag, type(g).__name__, g)
del f
report("float subclass")
wf = [F(i) for i in range(3)]
print([type(x).__name__ for x in wf], sum(wf))
del wf
report("float subclasses")
print(gc.is_tracked(1.5), gc.is_tracked(Leaf("t", 1.0)))
report("end")
