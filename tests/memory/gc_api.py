# gc.get_count/thresholds/callbacks/freeze/get_referrers/get_referents/is_tracked,
# gc.garbage with DEBUG_SAVEALL, argument errors
import gc

gc.collect()
print(gc.get_count()[1:], type(gc.get_count()).__name__, len(gc.get_count()))
before = gc.get_count()[0]
junk = [[] for _ in range(50)]
print(gc.get_count()[0] >= before + 50)
gc.collect()
print(gc.get_count())
old = gc.get_threshold()
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())
for bad in [(), (1, 2, 3, 4), ("x",), (1.5,)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print("TypeError", e)

events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect(0)
gc.collect(1)
gc.callbacks.remove(cb)
for e in events:
    print(e)

class Crash:
    def __call__(self, phase, info):
        raise ValueError("callback failed in " + phase)
    def __repr__(self):
        return "<Crash callback>"
crash = Crash()
gc.callbacks.append(crash)
print("collect with failing callback:", gc.collect())
gc.callbacks.remove(crash)

class T:
    pass
t = T()
print(gc.is_tracked(t), gc.is_tracked(T), gc.is_tracked(3), gc.is_tracked("str"),
      gc.is_tracked(3.5), gc.is_tracked(None), gc.is_tracked([]), gc.is_tracked(()),
      gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked(lambda: 0),
      gc.is_tracked(set()), gc.is_tracked(frozenset()), gc.is_tracked(b"b"))
tup = ([],)
print(gc.is_tracked(tup))

a = [1, 2]
b = {"k": a}
c = [a, a]
refs = gc.get_referrers(a)
print(sum(1 for r in refs if r is b), sum(1 for r in refs if r is c))
print(any(r is a for r in gc.get_referents(b)))
print(gc.get_referents(c) == [a, a], gc.get_referents(1, "x", None), gc.get_referents())
print(len(gc.get_referents([1, 2], (3, 4))))
gen0 = gc.get_objects(generation=0)
print(type(gen0).__name__)
for bad in (3, -1):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError", e)

gc.collect()
gc.freeze()
print(gc.get_freeze_count() > 0, gc.get_count())
gc.unfreeze()
print(gc.get_freeze_count())

gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
x = []; x.append(x)
del x
print(gc.collect(), len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage[0].clear()
gc.garbage.clear()
print(gc.collect())

for call in (lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.collect("x"),
             lambda: gc.collect(1, 2), lambda: gc.enable(1), lambda: gc.is_tracked(),
             lambda: gc.collect(generation=5)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(gc.isenabled())
