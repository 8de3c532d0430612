# Class patterns: __match_args__, keywords, self-matching builtins, inheritance.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"y={y}"
        case Point(x, 0):
            return f"x={x}"
        case Point3(x, y, z=z) if z > 10:
            return f"high {x} {y} {z}"
        case Point(x=px, y=py):
            return f"somewhere {px} {py}"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 4), Point(3, 0), Point(1, 2), Point3(0, 0, 0), Point3(1, 2, 30), Point3(1, 2, 3), "p"]:
    print(where(p))

# builtin types match themselves positionally
for v in [1, 2.5, "s", b"b", [1], (1,), {1: 1}, {1}, frozenset({2}), True, bytearray(b"x")]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case bytes(b):
            print("bytes", b)
        case list([x]):
            print("list with", x)
        case tuple((x,)):
            print("tuple with", x)
        case dict({1: y}):
            print("dict with", y)
        case set() | frozenset():
            print("some set", v)
        case bytearray(x):
            print("bytearray", x)

# subclass of a builtin keeps self-matching
class MyInt(int):
    pass
match MyInt(7):
    case MyInt(n):
        print("MyInt", n, type(n).__name__)

# keyword attribute missing -> no match
class Empty:
    pass
e = Empty()
match e:
    case Empty(attr=1):
        print("has attr")
    case Empty():
        print("plain Empty")

# attributes are looked up on the instance (properties run)
class Lazy:
    __match_args__ = ("value",)
    @property
    def value(self):
        print("computing value")
        return 99
match Lazy():
    case Lazy(99):
        print("lazy matched")

# isinstance with a tuple-like class hierarchy
class Animal: pass
class Dog(Animal):
    __match_args__ = ("name",)
    def __init__(self, name): self.name = name
class Cat(Animal):
    __match_args__ = ("name",)
    def __init__(self, name): self.name = name
for a in [Dog("rex"), Cat("tom"), Animal()]:
    match a:
        case Dog(name) | Cat(name):
            print("pet", name)
        case Animal():
            print("some animal")
