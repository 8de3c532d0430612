"""Instance attribute slots read and written by native attribute caches when the
instances of one class hold values blocks of different capacities: instances made
before the class knew its attribute names, attributes added later to some instances
only, deletions, __dict__ materialization, __class__ assignment, class attributes and
properties added while a loop runs."""


class Grow:
    pass


def read_all(objs, name):
    out = []
    for o in objs:
        try:
            out.append(getattr(o, name))
        except AttributeError as e:
            out.append("missing: " + str(e))
    return out


def read_d(objs):
    out = []
    for o in objs:
        try:
            out.append(o.d)
        except AttributeError:
            out.append("no d")
    return out


def write_d(objs, v):
    for o in objs:
        o.d = v


# an instance made before the class knew any name, then names added one by one
early = Grow()
early.a = 1
early.b = 2
mid = Grow()          # inline room for a, b
mid.a = 10
early.c = 3
early.d = 4           # index 3: beyond mid's block
late = Grow()         # room for a, b, c, d
late.a = 100
late.d = 400
objs = [early, mid, late]
for _ in range(3):
    print(read_d(objs))
write_d(objs, "set")
print(read_d(objs), vars(mid), vars(late))
del late.d
print(read_d(objs))
mid.__dict__            # materialized: dict mode for good
write_d(objs, 7)
print(read_d(objs), vars(mid))


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


ps = [P(i, i * 2) for i in range(5)]
acc = []
for i, p in enumerate(ps):
    acc.append(p.total())
    if i == 2:
        P.x = property(lambda self: -1)   # a data descriptor now wins over the slot
print(acc, [p.x for p in ps])
del P.x
print([p.x for p in ps])


class Q:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class R:
    def __init__(self):
        self.y = "r.y"


q = Q(1, 2)
print(q.y)
q.__class__ = R
print(q.y, vars(q))
try:
    print(q.zz)
except AttributeError as e:
    print("AttributeError:", e)


# many attributes: indices beyond the first external block of the first instance
class Wide:
    pass


first = Wide()
for k in range(12):
    setattr(first, "f%d" % k, k)
second = Wide()
second.f0 = "s0"
second.f11 = "s11"
third = Wide()


def f11(objs):
    out = []
    for o in objs:
        try:
            out.append(o.f11)
        except AttributeError:
            out.append("no f11")
    return out


for _ in range(2):
    print(f11([first, second, third]))
third.f11 = "t11"
print(f11([first, second, third]), list(vars(third)))


# stores that keep and break insertion order
class Order:
    pass


o1 = Order()
o1.a = 1
o1.b = 2
o2 = Order()
o2.b = "b first"
o2.a = "a second"
print(list(vars(o1)), list(vars(o2)))
for o in (o1, o2):
    o.b = "again"
print(vars(o1), vars(o2))


# __slots__ alongside compact instances
class S:
    __slots__ = ("u", "v")


s = S()
s.u = 1
try:
    s.v
except AttributeError as e:
    print("AttributeError:", e)
s.v = 2
print(s.u, s.v)
del s.u
try:
    s.u
except AttributeError as e:
    print("AttributeError:", e)
