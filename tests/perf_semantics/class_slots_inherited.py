# Slots of a class are taken from its base where its own dict defines none of a
# group's dunders; every way a dunder can reach a class must still be seen.


class A:
    def __repr__(self):
        return "A-repr"

    def __add__(self, other):
        return "A+"

    def __getattr__(self, name):
        return "missing " + name


class B(A):
    pass


class C(B):
    def __eq__(self, other):
        return True


b = B()
print(repr(b), b + 1, b.nothing)
try:
    hash(C())
except TypeError as e:
    print("TypeError:", e)
print(C() == 5, hash(B()) == hash(B()) or "hashable")

# the base changes after the subclasses exist
A.__repr__ = lambda self: "A-repr-2"
A.__len__ = lambda self: 7
print(repr(b), len(C()))
del A.__add__
try:
    b + 1
except TypeError as e:
    print("TypeError:", e)
B.__radd__ = lambda self, other: "B radd"
print(1 + b, 1 + C())


# built-in bases
class MyInt(int):
    pass


class MyList(list):
    pass


class MyExc(ValueError):
    pass


print(MyInt(3) + 4, repr(MyInt(5)), MyList([1, 2]) + [3], len(MyList("abc")))
print(repr(MyExc("x")), str(MyExc("y", 2)))
print(hash(MyInt(9)) == hash(9), MyInt(2) < 3, sorted([MyInt(3), MyInt(1)]))


# a dunder set to None blocks the base's
class NoIter(MyList):
    __iter__ = None


try:
    iter(NoIter([1]))
except TypeError as e:
    print("TypeError:", e)


# multiple inheritance: the MRO is not the base's
class Sized:
    def __len__(self):
        return 42


class Multi(B, Sized):
    pass


print(len(Multi()), repr(Multi()))


# dunders added while the class is being made
class Registered:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.__str__ = lambda self: "registered " + type(self).__name__


class Child(Registered):
    pass


print(str(Child()))


# __new__, __init__, __call__, __del__ and __bool__ from a base
class Base2:
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        return super().__new__(cls)

    def __init__(self, *a):
        print("init", a)

    def __call__(self, x):
        return x * 2

    def __bool__(self):
        return False

    def __del__(self):
        print("del", type(self).__name__)


class Derived2(Base2):
    pass


d = Derived2(1, 2)
print(d(21), bool(d), "yes" if d else "no")
del d


# descriptors inherited
class Desc:
    def __get__(self, obj, owner=None):
        return "got"

    def __set__(self, obj, value):
        print("set", value)


class SubDesc(Desc):
    pass


class Holder:
    x = SubDesc()


h = Holder()
h.x = 5
print(h.x)


# object subclass with no dunders at all
class Plain:
    pass


p = Plain()
print(p == p, p != Plain(), type(hash(p)), repr(p).startswith("<__main__.Plain object"))
