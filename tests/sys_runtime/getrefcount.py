# sys.getrefcount: relative behaviour (the exact value of a fresh object is
# implementation detail beyond "counts the argument's own reference").
import sys

a = []
r = sys.getrefcount(a)
print(r >= 2)
b = a
print(sys.getrefcount(a) == r + 1)
c = [a, a, a]
print(sys.getrefcount(a) == r + 4)
del c
print(sys.getrefcount(a) == r + 1)
del b
print(sys.getrefcount(a) == r)

d = {"k": a}
print(sys.getrefcount(a) == r + 1)
d.clear()
print(sys.getrefcount(a) == r)


def f(x):
    return sys.getrefcount(x)


print(f(a) > r)
print(sys.getrefcount(None) > 100, sys.getrefcount(1) > 100)
print(type(sys.getrefcount(object())).__name__)

for bad in [(), (1, 2)]:
    try:
        sys.getrefcount(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    sys.getrefcount(x=1)
except TypeError as e:
    print("TypeError:", e)
