# __dict__ identity, coherence with attribute writes, and __dict__ assignment.


class A:
    def __init__(self):
        self.x = 1
        self.y = 2


a = A()
d = a.__dict__
print(d is a.__dict__, d is vars(a), d)
a.z = 3             # written after the dict exists: visible through it
d["w"] = 4          # written through the dict: visible as an attribute
print(d, a.w, a.z)
del a.x
print(d, "x" in d)
d.clear()
print(vars(a), hasattr(a, "y"))
a.y = 5
print(d, a.y)

# assigning __dict__
b = A()
nd = {"p": 1, "q": 2}
b.__dict__ = nd
print(b.__dict__ is nd, b.p, b.q, hasattr(b, "x"))
b.r = 3
print(nd)


class MyDict(dict):
    pass


c = A()
c.__dict__ = MyDict(k="v")
print(type(c.__dict__).__name__, c.k)
for bad in (None, [1, 2], 5):
    try:
        c.__dict__ = bad
    except TypeError as e:
        print("TypeError:", e)
del c.__dict__
print(vars(c), hasattr(c, "k"))
c.k2 = 1
print(vars(c))
try:
    del Exception().__dict__
except TypeError as e:
    print("TypeError:", e)

# a fresh instance: __dict__ first, attributes later
e = A.__new__(A)
print(vars(e))
ed = e.__dict__
e.m = 1
print(ed, e.__dict__ is ed)

# non-str and str-subclass attribute names


class S(str):
    pass


f = A()
setattr(f, S("sub"), 10)
print(f.sub, vars(f))
try:
    setattr(f, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(f, 3)
except TypeError as e:
    print("TypeError:", e)
f.__dict__[5] = "int key"
print(vars(f))

# instance attributes shadow methods and non-data descriptors, not data descriptors


class B:
    def meth(self):
        return "method"

    @property
    def prop(self):
        return "property"

    @prop.setter
    def prop(self, v):
        self.__dict__["prop"] = v

    @property
    def ro(self):
        return "ro"


g = B()
print(g.meth())
g.meth = lambda: "instance"
print(g.meth())
del g.meth
print(g.meth())
g.prop = 42
print(g.prop, vars(g))
try:
    g.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
g.__dict__["ro"] = "shadow?"
print(g.ro)


class G:
    def __getattr__(self, name):
        return "fallback " + name


h = G()
h.real = 1
print(h.real, h.other)
del h.real
print(h.real)
