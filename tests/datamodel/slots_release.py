# `__slots__` members are released when their instance dies (at once by refcount, or by
# the cycle collector), whichever class of the base chain declared them; classes
# without slots (most) skip that work (the MEMBER_CELLS type flag).
import gc

log = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


class A:
    __slots__ = ("x",)


class B(A):  # no __slots__: a dict, and A's cell
    pass


class C(B):
    __slots__ = ("y",)


class Empty(A):
    __slots__ = ()


class Plain:
    def __init__(self, v):
        self.v = v


def fresh(cls, **kw):
    o = cls()
    for k, v in kw.items():
        setattr(o, k, Tracked(v))
    return o


o = fresh(A, x="a.x")
del o
print(log)
o = fresh(B, x="b.x", extra="b.extra")
del o
print(log)
o = fresh(C, x="c.x", y="c.y")
del o
print(sorted(log))
o = fresh(Empty, x="empty.x")
o = None
print(sorted(log))
p = Plain(Tracked("plain.v"))
del p
print(sorted(log))

# cycles through slot cells
log.clear()
a = C()
a.x = a
a.y = Tracked("cycle.y")
del a
print(log)
gc.collect()
print(log)

# a class made by type() with slots, and one whose base chain has them further up
D = type("D", (C,), {"__slots__": ("z",)})
d = D()
d.x, d.y, d.z = Tracked("d.x"), Tracked("d.y"), Tracked("d.z")
log.clear()
del d
print(sorted(log))
print(hasattr(B(), "__dict__"), hasattr(C(), "__dict__"), hasattr(Empty(), "__dict__"))

# the order of the finalizers: slots, then the instance dict, then the base's payload


class L(list):
    __slots__ = ("s", "__dict__")


log.clear()
lst = L([Tracked("item0"), Tracked("item1")])
lst.attr = Tracked("dict.attr")
lst.s = Tracked("slot.s")
del lst
print(log)


class E(Exception):
    pass


log.clear()
e = E(Tracked("exc.arg"))
e.note = Tracked("exc.dict")
del e
print(log)
