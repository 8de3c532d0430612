# weak references: ref, callbacks (newest first), equality/hash rules, proxy, cycles
import gc
import weakref
class A:
    pass
a = A()
r = weakref.ref(a)
print(r() is a, weakref.ref(a) is r, type(r).__name__, r.__callback__)
r1 = weakref.ref(a, lambda w: print("cb1", w() is None))
r2 = weakref.ref(a, lambda w: print("cb2"))
print(weakref.getweakrefcount(a), r == weakref.ref(a), r1 == r2, hash(r) == hash(a))
del a
print(r(), r1 == r2, r == r1, r1.__callback__)
try:
    hash(weakref.ref(A()))
except TypeError as e:
    print("TypeError", e)
for bad in (1, [], "s", (1,)):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError", e)
b = A(); b.x = 5
p = weakref.proxy(b)
print(p.x, type(p).__name__)
p.y = 3
print(b.y)
del b
try:
    p.x
except ReferenceError as e:
    print("ReferenceError", e)
def f():
    pass
print(weakref.ref(f)() is f, weakref.ref(A)() is A)
c = A(); c.me = c
wc = weakref.ref(c, lambda w: print("cycle member collected"))
del c
print(wc() is not None)
print(gc.collect())
print(wc())
