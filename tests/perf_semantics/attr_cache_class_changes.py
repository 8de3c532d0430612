# Per-site attribute caches (LOAD_ATTR / STORE_ATTR / LOAD_METHOD) must see every change
# of the class after the sites are warm: class attribute rebinding, a property or data
# descriptor added later (to the class or a base), methods replaced, __getattribute__ /
# __getattr__ / __setattr__ added after warm-up, metaclass attributes.


class Point:
    LIMIT = 10

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def read_x(p):
    return p.x


def read_limit(p):
    return p.LIMIT


def call_norm(p):
    return p.norm1()


def write_x(p, v):
    p.x = v


p = Point(3, -4)
out = []
for i in range(6):
    out.append((read_x(p), read_limit(p), call_norm(p)))
    if i == 1:
        Point.LIMIT = 20                      # class constant rebound
    elif i == 2:
        Point.norm1 = lambda self: "patched"  # method replaced
    elif i == 3:
        p.LIMIT = "own"                       # instance shadows the class constant
    elif i == 4:
        del p.LIMIT
print(out)

# a property appears on the class after the sites are warm: it wins over the instance value
for i in range(3):
    write_x(p, i)
print(read_x(p), p.__dict__)
Point.x = property(lambda self: "prop", lambda self, v: print("setter got", v))
print(read_x(p))
write_x(p, 99)
print(p.__dict__)
del Point.x
print(read_x(p))
write_x(p, 7)
print(read_x(p), p.__dict__)


# a data descriptor added to a base class after warm-up
class Base:
    pass


class Child(Base):
    def __init__(self):
        self.v = 1


def read_v(o):
    return o.v


c = Child()
print([read_v(c) for _ in range(3)])


class Desc:
    def __get__(self, inst, owner):
        return "from Desc"

    def __set__(self, inst, value):
        raise AttributeError("read-only v")


Base.v = Desc()
print(read_v(c))
try:
    write_x(c, 1)
    c.v = 5
except AttributeError as e:
    print("AttributeError:", e)
# a non-data descriptor on the base does not hide the instance value
del Base.v
Base.v = lambda self: "method"
print(read_v(c))
del c.v
print(read_v(c)())


# __getattribute__ / __getattr__ / __setattr__ added after warm-up
class G:
    def __init__(self):
        self.a = 1


def read_a(o):
    return o.a


def read_missing(o):
    return o.missing


def write_a(o, v):
    o.a = v


g = G()
print([read_a(g) for _ in range(3)])
G.__getattribute__ = lambda self, name: "ga:" + name
print(read_a(g))
del G.__getattribute__
print(read_a(g))
try:
    read_missing(g)
except AttributeError as e:
    print("AttributeError:", e)
G.__getattr__ = lambda self, name: "fallback:" + name
print(read_missing(g), read_a(g))
for v in range(3):
    write_a(g, v)
print(read_a(g))
G.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 100)
write_a(g, 5)
print(read_a(g))
del G.__setattr__
write_a(g, 6)
print(read_a(g))


# metaclass attributes are not instance attributes; class attribute reads on classes
class Meta(type):
    tag = "meta"


class WithMeta(metaclass=Meta):
    def __init__(self):
        self.own = "own"


def read_tag(o):
    return o.tag


print(read_tag(WithMeta))
w = WithMeta()
try:
    read_tag(w)
except AttributeError as e:
    print("AttributeError:", e)
WithMeta.tag = "class"
print(read_tag(w), read_tag(WithMeta))
Meta.tag = "meta2"
print(read_tag(WithMeta), read_tag(w))

# the method cache must bind the current function
class M:
    def f(self):
        return "f1"


def call_f(o):
    return o.f()


m = M()
print(call_f(m), call_f(m))
M.f = lambda self: "f2"
print(call_f(m))
m.f = lambda: "instance f"
print(call_f(m))
del m.f
print(call_f(m))
setattr(M, "f", staticmethod(lambda: "static"))
print(call_f(m))
M.f = classmethod(lambda cls: "classmethod of " + cls.__name__)
print(call_f(m))
