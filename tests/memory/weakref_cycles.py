# weakref callbacks when referents die in a cycle: a weakref outside the garbage gets
# its callback; a weakref that is itself garbage does not; callbacks see dead refs
import gc
import weakref

gc.collect()
class Obj:
    def __init__(self, n):
        self.n = n

log = []
a, b = Obj(1), Obj(2)
a.other, b.other = b, a
ra = weakref.ref(a, lambda r: log.append(("a died", r() is None)))
rb = weakref.ref(b, lambda r: log.append(("b died", r() is None)))
del a, b
print(log)
print(gc.collect(), sorted(log))

log.clear()
c = Obj(3)
c.self = c
c.wr = weakref.ref(c, lambda r: log.append("self-weakref callback"))
del c
print(gc.collect(), log)

log.clear()
class Holder:
    pass
d = Obj(4)
h = Holder()
h.cycle = h
h.cb_target = d
def cb(r):
    log.append("callback of garbage weakref")
h.wr = weakref.ref(d, cb)
d.h = h
del d, h
print(gc.collect(), log)

log.clear()
e = Obj(5)
e.me = e
keep = weakref.ref(e, lambda r: log.append(("resurrect attempt", r())))
p = weakref.proxy(e)
del e
gc.collect()
print(log)
try:
    p.n
except ReferenceError as exc:
    print("ReferenceError:", exc)

log.clear()
f = Obj(6); f.me = f
refs = [weakref.ref(f, lambda r, i=i: log.append(i)) for i in range(3)]
del f
gc.collect()
print(log, weakref.getweakrefcount(refs[0]))
