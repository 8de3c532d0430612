"""The collector remembers the class of the instances it last traversed (runtime gc.rs
`ClassMemo`). These collections mix classes, collect classes together with their
instances (a class made in a function, in a cycle with its instances), interleave plain
instances with __slots__ ones and built-in containers, and keep some of it reachable."""
import gc


def make_class(name):
    class C:
        pass

    C.__name__ = name
    return C


def cycle_with_own_class():
    C = make_class("Local")
    a, b = C(), C()
    a.other, b.other = b, a
    C.registry = [a, b]  # class -> instances -> class
    a.payload = [1.5, 2.5]
    return gc.collect()


class Plain:
    pass


class Slotted:
    __slots__ = ("ref", "val")


def mixed_cycles(n):
    gc.collect()
    keep = []
    for i in range(n):
        p, s, q = Plain(), Slotted(), Plain()
        p.ref, s.ref, q.ref = s, q, p
        s.val = float(i)
        lst = [p, {"q": q}]
        q.lst = lst
        if i % 3 == 0:
            keep.append(p)
    del p, s, q, lst
    found = gc.collect()
    alive = sum(1 for p in keep if isinstance(p.ref, Slotted) and p.ref.ref.ref is p)
    return found, alive


def classes_alternating(n):
    A, B = make_class("A"), make_class("B")
    objs = []
    for i in range(n):
        a, b = A(), B()
        a.b, b.a = b, a
        objs.append(a if i % 2 else b)
    del a, b
    kept = objs[: n // 2]
    gc.collect()
    del objs
    found = gc.collect()
    ok = all(type(o) in (A, B) for o in kept)
    return found, ok, len(kept)


def class_garbage_with_instances():
    # the classes themselves become garbage while instances of them are traversed
    gc.collect()
    for k in range(5):
        C = make_class("G%d" % k)
        objs = [C() for _ in range(4)]
        for o in objs:
            o.cls = C
            o.peers = objs
        del C, objs
    return gc.collect()


print("own class cycle:", cycle_with_own_class() > 0)
found, alive = mixed_cycles(300)
print("mixed: found some", found > 0, "alive", alive)
print("alternating:", classes_alternating(400)[1:])
print("class garbage:", class_garbage_with_instances() > 0)
gc.collect()
print("tracked plain:", gc.is_tracked(Plain()), "slotted:", gc.is_tracked(Slotted()))
print("end")
