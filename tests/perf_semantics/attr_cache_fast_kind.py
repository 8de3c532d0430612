# Attribute sites try the first cache entry as the site's fast kind (an instance value
# for loads and stores, a class method for LOAD_METHOD) before scanning all entries
# (codegen/attrs.rs `fast_entry`). Each case changes the kind, type or state a site's
# first entry describes between runs of the same site.


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def put(self, v):
        self.x = v


class Q(P):
    pass


class Plain:
    x = "class x"

    def get(self):
        return "Plain.get"


def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


def call_get(o):
    return o.get()


# one site: instance value, then class attribute, then subclass, then the first type again
objs = [P(1), Plain(), Q(2), P(3), Plain(), Q(4)]
print([read_x(o) for o in objs])
print([call_get(o) for o in objs])

# the fast entry's type stays, its kind changes: a data descriptor defined later
p = P(5)
print(read_x(p), read_x(p))
P.x = property(lambda self: "property x", lambda self, v: print("setter", v))
print(read_x(p), read_x(Q(6)))
write_x(p, 7)
del P.x
print(read_x(p), read_x(Q(8)))
write_x(p, 9)
print(read_x(p))

# a method shadowed by an instance attribute after the site cached it as a method
a, b = P(10), P(11)
print(call_get(a), call_get(b))
b.get = lambda: "instance get"
print(call_get(a), call_get(b), call_get(a))
del b.get
print(call_get(b))

# __class__ assignment between runs of the same site
c = P(12)
print(read_x(c), call_get(c))
c.__class__ = Q
print(read_x(c), call_get(c))
Q.get = lambda self: "Q.get"
print(call_get(c), call_get(P(13)))
del Q.get
print(call_get(c))

# deleted attribute, then a store that refills the slot
d = P(14)
print(read_x(d))
del d.x
try:
    read_x(d)
except AttributeError as e:
    print("AttributeError", e)
write_x(d, 15)
print(read_x(d))

# __dict__ replaced: the values block goes
e = P(16)
print(read_x(e))
e.__dict__ = {"x": "dict x"}
print(read_x(e))
write_x(e, "dict x2")
print(read_x(e), e.__dict__)

# __getattr__ / __getattribute__ added to the class at run time
f = P(17)
print(read_x(f), call_get(f))
P.__getattribute__ = lambda self, n: "getattribute " + n
print(read_x(f), read_x(Q(18)))
del P.__getattribute__
print(read_x(f))


class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x

    def get(self):
        return ("S.get", self.x)


# __slots__ members and instance values at one site
s = S(19)
print(read_x(s), read_x(P(20)), read_x(s), call_get(s))
write_x(s, 21)
del s.x
try:
    read_x(s)
except AttributeError as e:
    print("AttributeError", e)
write_x(s, 22)
print(read_x(s))

# the class itself as the receiver, then instances, at one method site
print(call_get(Plain) if False else P.get(P(23)), call_get(P(24)))

# more types than entries at one site
classes = [type("C%d" % i, (), {"get": (lambda i: lambda self: i)(i)}) for i in range(6)]
insts = [k() for k in classes]
for o in insts:
    o.x = o.get()
print([read_x(o) for o in insts * 2], [call_get(o) for o in insts * 2])


# A site that sees several classes keeps one entry per class; the entries past the first
# of the site's fast kind are found with a compare each (`later_fast_entry`). Each case
# changes what a later entry describes.
class Base:
    def __init__(self, v):
        self.v = v
        self.w = v * 2

    def read(self):
        return self.v, self.w

    def write(self, v):
        self.v = v

    def tell(self):
        return self.kind()


class A(Base):
    def kind(self):
        return "A"


class B(Base):
    def kind(self):
        return "B"


class C(Base):
    def kind(self):
        return "C"


class D(Base):
    def kind(self):
        return "D"


class E(Base):
    def kind(self):
        return "E"


objs = [A(1), B(2), C(3), D(4)]
for rnd in range(3):
    print([o.read() for o in objs], [o.tell() for o in objs])
    for o in objs:
        o.write(o.v + 10)

# a fifth class: no entry left for it, the site goes generic for it and stays right
objs.append(E(5))
print([o.read() for o in objs], [o.tell() for o in objs])

# a later class changes: a class attribute shadowing nothing, then a property
C.extra = 1
print([o.read() for o in objs])
C.w = property(lambda self: "C.w property")
print([o.read() for o in objs])
del C.w
print([o.read() for o in objs])

# an instance of a later class loses its attribute, then gets another kind of value
del objs[2].v
try:
    print(objs[2].read())
except AttributeError as e:
    print("AttributeError", e)
objs[2].v = "back"
print([o.read() for o in objs])

# __class__ assignment between two later classes; a method overridden on a later class
objs[3].__class__ = B
print([o.tell() for o in objs], [o.read() for o in objs])
D.kind = lambda self: "D patched"
B.kind = lambda self: "B patched"
print([o.tell() for o in objs])
