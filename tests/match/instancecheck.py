# Class patterns honour __instancecheck__, tuple-like checks and __match_args__ inheritance.
class Meta(type):
    def __instancecheck__(cls, obj):
        print(f"  __instancecheck__({cls.__name__}, {obj!r})")
        return isinstance(obj, int) and obj % 2 == 0

class Even(metaclass=Meta):
    pass

for v in [2, 3, "x"]:
    match v:
        case Even():
            print(v, "is even")
        case _:
            print(v, "is not even")

class Base:
    __match_args__ = ("a",)
    def __init__(self, a, b=None):
        self.a = a
        self.b = b

class Derived(Base):
    pass

class Redefined(Base):
    __match_args__ = ("b", "a")

match Derived(1, 2):
    case Base(a):
        print("Derived matched Base with a =", a)

match Redefined(1, 2):
    case Redefined(first, second):
        print("Redefined order:", first, second)

# int subclass defining __match_args__ loses self-matching
class Weird(int):
    __match_args__ = ("real",)
match Weird(5):
    case Weird(r):
        print("real part", r)

class NoArgs(int):
    __match_args__ = ()
try:
    match NoArgs(5):
        case NoArgs(x):
            print("no")
except TypeError as e:
    print("TypeError:", e)
