# Per-site attribute caches: __slots__ members, polymorphic sites (2, 3 and more types
# than a site keeps), module attributes rebound, __getattr__ fallback, built-in methods.
import math
import sys


class S:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class SD(S):
    __slots__ = ("__dict__",)


def get_a(o):
    return o.a


def get_b(o):
    return o.b


def set_b(o, v):
    o.b = v


def del_b(o):
    del o.b


s = S(1)
print([get_a(s) for _ in range(3)])
try:
    get_b(s)
except AttributeError as e:
    print("AttributeError:", e)
for v in range(3):
    set_b(s, v)
print(get_b(s))
del_b(s)
try:
    get_b(s)
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError:", e)
sd = SD(5)
sd.extra = "dict"
print(get_a(sd), get_a(s), sd.extra, vars(sd))
set_b(sd, "b")
print(get_b(sd), vars(sd))
# a member descriptor moved onto an unrelated class does not apply to its instances
class Thief:
    a = S.__dict__["a"]


t = Thief()
try:
    get_a(t)
except TypeError as e:
    print("TypeError:", e)


# polymorphic sites
class P1:
    def __init__(self):
        self.v = "p1"

    def m(self):
        return "m1"


class P2:
    def __init__(self):
        self.w = 0
        self.v = "p2"

    def m(self):
        return "m2"


class P3(P1):
    def m(self):
        return "m3:" + P1.m(self)


class P4:
    v = "class-level p4"

    def m(self):
        return "m4"


class P5:
    __slots__ = ("v",)

    def __init__(self):
        self.v = "slot p5"

    m = lambda self: "m5"


class P6(P2):
    @property
    def v(self):
        return "property p6"

    @v.setter
    def v(self, value):
        pass


def get_v(o):
    return o.v


def call_m(o):
    return o.m()


objs = [P1(), P2(), P3(), P4(), P5(), P6()]
for rounds in range(3):
    print([get_v(o) for o in objs[: 2 + rounds * 2]], [call_m(o) for o in objs])
P1.m = lambda self: "m1 patched"
print([call_m(o) for o in objs])

# module attributes: rebinding is seen at warm sites
def root(x):
    return math.sqrt(x)


def pi_value():
    return math.pi


print([root(16.0) for _ in range(3)], pi_value())
real_sqrt = math.sqrt
math.sqrt = lambda x: "patched sqrt"
math.pi = 3
print(root(16.0), pi_value())
math.sqrt = real_sqrt
del math.pi
try:
    pi_value()
except AttributeError as e:
    print("AttributeError:", e)
math.pi = 3.141592653589793
print(root(2.0), pi_value())

# this module as an attribute source
this = sys.modules[__name__]
COUNTER = 0


def read_counter():
    return this.COUNTER


for _ in range(3):
    COUNTER += 1
    print(read_counter(), end=" ")
print()


# __getattr__ fallback
class Lazy:
    def __init__(self):
        self.present = "present"

    def __getattr__(self, name):
        if name.startswith("x"):
            return "computed " + name
        raise AttributeError(f"no {name} here")


def get_present(o):
    return o.present


def get_xz(o):
    return o.xz


lz = Lazy()
print([get_present(lz) for _ in range(2)], [get_xz(lz) for _ in range(2)])
lz.xz = "stored"
print(get_xz(lz))
del lz.present
try:
    get_present(lz)
except AttributeError as e:
    print("AttributeError:", e)


# built-in methods at warm sites, and a subclass overriding one
def push(lst, v):
    lst.append(v)


class LoudList(list):
    def append(self, v):
        print("LoudList.append", v)
        super().append(v)


items = []
for i in range(3):
    push(items, i)
loud = LoudList()
push(loud, "x")
push(items, 3)
print(items, loud)
loud.append = lambda v: print("instance append", v)
push(loud, "y")
print(loud)


# an attribute of an int / None / a class at a site warmed by instances
def get_real(o):
    return o.real


print(get_real(3), get_real(2.5), get_real(True))
try:
    get_real(None)
except AttributeError as e:
    print("AttributeError:", e)


# members of built-in types stay read-only at warm sites
def set_globals(f, v):
    f.__globals__ = v


def get_globals_name(f):
    return f.__globals__["__name__"]


print([get_globals_name(get_real) for _ in range(3)])
for _ in range(3):
    try:
        set_globals(get_real, {})
    except AttributeError as e:
        print("AttributeError:", e)
print(get_globals_name(get_real))
