# Per-site attribute caches against changes of the instance: __class__ assignment,
# __dict__ materialized (vars) then written both ways, del then AttributeError, an
# instance attribute shadowing a method, out-of-order attribute creation, many names.


class A:
    def __init__(self):
        self.x = "A.x"
        self.y = "A.y"

    def who(self):
        return "A.who"


class B:
    def __init__(self):
        self.y = "B.y"
        self.x = "B.x"

    def who(self):
        return "B.who"


def get_x(o):
    return o.x


def get_y(o):
    return o.y


def set_x(o, v):
    o.x = v


def who(o):
    return o.who()


a = A()
print([get_x(a) for _ in range(3)], who(a))
a.__class__ = B
print(get_x(a), get_y(a), who(a), type(a).__name__)
set_x(a, "after class change")
print(get_x(a), vars(a))
a.__class__ = A
print(get_x(a), who(a))

# vars() materializes the dict; writes through it and through the sites agree
o = A()
for _ in range(3):
    set_x(o, get_x(o) + "!")
d = vars(o)
d["x"] = "via dict"
print(get_x(o))
set_x(o, "via site")
print(d["x"], get_x(o))
d.clear()
try:
    get_x(o)
except AttributeError as e:
    print("AttributeError:", e)
o.__dict__ = {"x": "new dict"}
print(get_x(o), who(o))

# del then access: CPython's message, at a warm site
o = A()
for _ in range(3):
    get_y(o)
del o.y
try:
    get_y(o)
except AttributeError as e:
    print("AttributeError:", e)
o.y = "back"
print(get_y(o))
try:
    del o.y
    del o.y
except AttributeError as e:
    print("AttributeError:", e)

# an instance attribute shadows a method (LOAD_METHOD must not take the class function)
o = A()
print([who(o) for _ in range(3)])
o.who = lambda: "instance who"
print(who(o))
del o.who
print(who(o))
o2 = A()
o2.who = "not callable"
try:
    who(o2)
except TypeError as e:
    print("TypeError:", e)
print(who(A()))

# a new attribute created out of key order, and more names than a key table holds
class Many:
    pass


def get_attr_n(o, n):
    return getattr(o, n)


def get_a0(o):
    return o.a0


objs = []
for k in range(3):
    m = Many()
    names = ["a%d" % i for i in range(40)]
    if k == 1:
        names.reverse()
    for n in names:
        setattr(m, n, n.upper() + str(k))
    objs.append(m)
print([get_a0(m) for m in objs], [get_attr_n(m, "a39") for m in objs])
print([list(vars(m))[:3] for m in objs])


# instances created before and after new attribute names were learned by the class
class Grow:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "g%d" % i, i)


def get_g0(o):
    return o.g0


def get_g5(o):
    return o.g5


small = Grow(1)
print(get_g0(small))
try:
    get_g5(small)
except AttributeError as e:
    print("AttributeError:", e)
big = Grow(8)
print(get_g5(big), get_g0(small))
try:
    get_g5(small)
except AttributeError as e:
    print("AttributeError:", e)
small.g5 = "late"
print(get_g5(small), list(vars(small)))


# an uncaught AttributeError raised at a warm site: CPython's traceback
class Final:
    def __init__(self):
        self.gone = 1


def read_gone(o):
    return o.gone


f = Final()
for _ in range(3):
    read_gone(f)
del f.gone
read_gone(f)
