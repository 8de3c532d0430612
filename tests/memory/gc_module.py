# the gc module API: thresholds, enable/disable, tracking, referents, freeze, callbacks
import gc
print(gc.get_threshold(), gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
gc.set_threshold(500, 5, 5); print(gc.get_threshold()); gc.set_threshold(700, 10, 10)
class A:
    pass
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({1: []}))
print(gc.is_tracked(A()), gc.is_tracked(A), gc.is_tracked(int), gc.is_tracked((1, 2)))
lst = [1, "x", None]
print(gc.get_referents(lst))
holder = [lst]
print(any(r is holder for r in gc.get_referrers(lst)))
objs = gc.get_objects()
print(any(o is holder for o in objs))
print(gc.garbage, gc.callbacks)
events = []
def cb(phase, info):
    events.append((phase, info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)
try:
    gc.collect(5)
except ValueError as e:
    print("ValueError", e)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.DEBUG_SAVEALL)
gc.set_debug(gc.DEBUG_SAVEALL)
q = []; q.append(q); del q
gc.collect()
print(len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
