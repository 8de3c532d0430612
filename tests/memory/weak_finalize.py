# weakref.finalize at exit and in cycles, WeakValueDictionary entries dying in cycles,
# WeakSet/WeakKeyDictionary cleanup through the collector, WeakMethod
import gc
import weakref

gc.collect()
class K:
    def __init__(self, n):
        self.n = n
    def m(self):
        return self.n

objs = [K(i) for i in range(3)]
for o in objs:
    o.me = o
wv = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
wk = weakref.WeakKeyDictionary((o, o.n) for o in objs)
ws = weakref.WeakSet(objs)
print(len(wv), len(wk), len(ws))
del objs, o
print(len(wv), len(wk), len(ws))
gc.collect()
print(len(wv), len(wk), len(ws), list(wv.items()), list(wk.items()), list(ws))

k = K(7)
wm = weakref.WeakMethod(k.m)
print(wm()(), wm() == k.m)
del k
print(wm())

c = K(8); c.me = c
f1 = weakref.finalize(c, print, "finalize of cyclic object")
print(f1.alive, f1.peek()[1:] if f1.peek() else None)
del c
gc.collect()
print(f1.alive, f1())

keep = K(9)
weakref.finalize(keep, print, "finalize at exit", 9)
f2 = weakref.finalize(keep, print, "no atexit")
f2.atexit = False
wd = weakref.WeakValueDictionary()
wd["x"] = keep
print(wd.get("x").n, "x" in wd)
try:
    wd["missing"]
except KeyError as exc:
    print("KeyError", exc)
print("end")
