# Polymorphic method call sites: one `obj.run(x)` site that sees methods of several
# classes (each filling its own entry of the site's call cache), with the classes and
# instances changed between calls. Every change must be seen on the next call.


class Base:
    def run(self, x):
        return ("Base", x)

    def step(self, x):
        # the polymorphic site under test
        return self.run(x)


class A(Base):
    def run(self, x):
        return ("A", x)


class B(Base):
    def run(self, x):
        return ("B", x + 1)


class C(Base):
    def run(self, x):
        return ("C", x * 2)


class D(Base):
    def run(self, x):
        return ("D", -x)


class E(Base):
    def run(self, x):
        return ("E", x, x)


def sweep(objs, x=1):
    return [o.step(x) for o in objs]


def call_at_one_site(objs, x=1):
    out = []
    for o in objs:
        out.append(o.run(x))
    return out


objs = [A(), B(), C(), D()]
for _ in range(3):
    print("warm", sweep(objs))

# more classes than entries: the site must stay right while entries are replaced
many = [A(), B(), C(), D(), E(), Base()]
for _ in range(3):
    print("many", sweep(many))

# monkeypatching a method on the class after the site cached it
old_run = B.run
B.run = lambda self, x: ("B-patched", x)
print("patched class", sweep(objs))
B.run = old_run
print("restored", sweep(objs))


# replacing it with another def whose code differs but arity is the same
def other_run(self, x):
    return ("other", x)


C.run = other_run
print("def patched", sweep(objs))
del C.run
print("deleted override (falls back to Base)", sweep(objs))
C.run = lambda self, x: ("C-again", x)
print("re-added", sweep(objs))

# an instance attribute shadowing the class method (a bound method of another object)
a2 = A()
print("before shadow", sweep([a2, B()]))
a2.run = B().run
print("instance shadows", sweep([a2, B()]))
del a2.run
print("shadow removed", sweep([a2, B()]))
a2.run = lambda x: ("plain-function-attr", x)
print("function attr", sweep([a2]))
del a2.run

# assigning __class__ between calls
d = D()
print("before __class__", sweep([d]))
d.__class__ = A
print("after __class__", sweep([d]))
d.__class__ = E
print("again", sweep([d]))
d.__class__ = D
print("back", sweep([d]))


# subclass overriding after the base's method was cached for it
class F(A):
    pass


f = F()
print("F inherits", sweep([f, A()]))
F.run = lambda self, x: ("F-override", x)
print("F overrides", sweep([f, A()]))
del F.run
print("F override removed", sweep([f, A()]))


# staticmethod and classmethod at the same site
class S(Base):
    @staticmethod
    def run(x):
        return ("static", x)


class K(Base):
    @classmethod
    def run(cls, x):
        return ("classmethod", cls.__name__, x)


class K2(K):
    pass


mixed = [A(), S(), K(), K2(), B()]
for _ in range(2):
    print("mixed", sweep(mixed))
S.run = staticmethod(lambda x: ("static2", x))
K.run = classmethod(lambda cls, x: ("cm2", cls.__name__, x))
print("mixed changed", sweep(mixed))


# descriptors: a custom non-data descriptor and a data descriptor named `run`
class Desc:
    def __get__(self, obj, owner=None):
        return lambda x: ("desc", type(obj).__name__, x)


class DataDesc:
    def __get__(self, obj, owner=None):
        return lambda x: ("datadesc", x)

    def __set__(self, obj, value):
        raise AttributeError("read-only run")


class G(Base):
    run = Desc()


class H(Base):
    run = DataDesc()


withdesc = [A(), G(), H(), B()]
print("descriptors", sweep(withdesc))
g = G()
g.run = lambda x: ("inst-over-nondata", x)
print("instance over non-data descriptor", sweep([g]))
h = H()
try:
    h.run = lambda x: 0
except AttributeError as e:
    print("data descriptor refuses:", e)
print("data descriptor wins", sweep([h]))


# __getattr__ and __getattribute__
class WithGetattr(Base):
    def __getattr__(self, name):
        return lambda x: ("getattr", name, x)


class NoRun:
    def step(self, x):
        return self.run(x)

    def __getattr__(self, name):
        return lambda x: ("getattr-only", name, x)


class WithGetattribute(Base):
    calls = 0

    def __getattribute__(self, name):
        type(self).calls += 1
        return object.__getattribute__(self, name)


print("getattr", sweep([A(), WithGetattr(), NoRun(), WithGetattribute(), B()]))
print("getattribute calls", WithGetattribute.calls)
del A.run
print("A.run deleted", sweep([A(), NoRun()]))
A.run = lambda self, x: ("A-new", x)
print("A.run re-added", sweep([A(), NoRun()]))

# arity changes at a polymorphic site: one class's method takes a default, one *args,
# one too few parameters (TypeError at the call)
B.run = lambda self, x, y=10: ("B-default", x, y)
C.run = lambda self, *a: ("C-star", a)
D.run = lambda self: ("D-none",)
for o in [A(), B(), C(), D()]:
    try:
        print("arity", o.step(5))
    except TypeError as e:
        print("arity TypeError", type(o).__name__, str(e).split("(")[0])

# the same site called with plain functions and bound methods of several classes
fs = [A().run, B().run, C().run, len, abs, str.upper]
for f_ in fs:
    try:
        print("callee", f_(-3) if f_ is not str.upper else f_("x"))
    except TypeError as e:
        print("TypeError", e)

# a direct site (not through step) seeing each class and a changed class in turn
print("site2", call_at_one_site([A(), B(), C(), E(), Base()]))
E.run = lambda self, x: ("E-patched", x)
print("site2 patched", call_at_one_site([A(), B(), C(), E(), Base()]))


# recursion through the polymorphic site (exceptions propagate through direct entries)
class R(Base):
    def run(self, x):
        if x == 0:
            raise ValueError("bottom")
        return self.step(x - 1)


try:
    sweep([R()], 50)
except ValueError as e:
    print("propagated", e)


# `__code__` assigned on a cached method between calls
def code_donor(self, x):
    return ("donor", x)


B.run = lambda self, x: ("B-lambda", x)
print("before __code__", sweep([A(), B(), C()]))
B.run.__code__ = code_donor.__code__
print("after __code__", sweep([A(), B(), C()]))


# closures made by one def (same code) with different cells, as methods of several classes
def make_run(tag):
    def run(self, x):
        return (tag, x)
    return run


classes = [type("T%d" % i, (Base,), {"run": make_run("tag%d" % i)}) for i in range(6)]
print("closures", sweep([c() for c in classes]))


# a class patched in the middle of a sweep over the same site
class Patcher(Base):
    def run(self, x):
        A.run = lambda self, x: ("A-mid", x)
        return ("patcher", x)


print("mid-sweep", sweep([A(), Patcher(), A(), B()]))
