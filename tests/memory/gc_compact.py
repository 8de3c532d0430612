# gc.get_referents/get_referrers on compact instances (inline values, shared keys) before
# and after their __dict__ is materialized, slots; gc.freeze keeps cycles out of
# collections until unfreeze; gc.is_finalized; the callbacks' "collected" count
import gc


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def ids(objs):
    return sorted(type(o).__name__ for o in objs)


payload = ["payload"]
p = P(payload, "text")
q = P(1, payload)
print(ids(gc.get_referents(p)))
print(any(r is p for r in gc.get_referrers(payload)), any(r is q for r in gc.get_referrers(payload)))
print(any(r is P for r in gc.get_referents(p)))
d = p.__dict__
print(ids(gc.get_referents(p)), any(r is d for r in gc.get_referents(p)))
print(any(r is d for r in gc.get_referrers(payload)), any(r is p for r in gc.get_referrers(payload)))
p.z = 3
del p.x
print(sorted(vars(p)), ids(gc.get_referents(d)))
del d


class S:
    __slots__ = ("a", "b")


s = S()
s.a = payload
print(ids(gc.get_referents(s)), any(r is s for r in gc.get_referrers(payload)))
print(gc.is_tracked(s), gc.is_tracked(P(1, 2)), gc.is_tracked(P(1, 2).__dict__))

gc.collect()
gc.disable()
a = P(None, None)
a.x = a
gc.freeze()
del a
print("frozen cycle:", gc.collect(), gc.get_freeze_count() > 0)
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count(), gc.collect())

seen = []


def cb(phase, info):
    if phase == "stop":
        seen.append((info["generation"], info["collected"], info["uncollectable"]))


gc.callbacks.append(cb)
for n in range(3):
    l = [P(i, None) for i in range(n)]
    o = None
    for o in l:
        o.y = l
    del l, o
    print("collect", n, gc.collect(), seen[-1])
del n
gc.callbacks.remove(cb)


class Fin:
    def __del__(self):
        print("del Fin")


f = Fin()
print(gc.is_finalized(f))
f.me = f
del f
print("collected", gc.collect())
print(gc.is_finalized(3), gc.is_finalized([]))
for bad in ((), (1, 2)):
    try:
        gc.is_finalized(*bad)
    except TypeError as e:
        print("TypeError", e)
gc.enable()
