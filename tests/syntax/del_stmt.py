# del on names, attributes, subscripts, slices and tuples of targets
a = 1
del a
try:
    print(a)
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(8))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"x": 1, "y": 2, "z": 3}
del d["x"], d["y"]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
class O:
    pass
o = O()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, "p"), o.q)
try:
    del o.p
except AttributeError as e:
    print(type(e).__name__, e)
x, y = 1, 2
del (x, y)
print("x" in dir(), "y" in dir())
def f():
    v = 3
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())
[m, n] = 1, 2
del [m, n]
try:
    del lst[100]
except IndexError as e:
    print(e)
