# Instantiation of plain classes (object.__new__ + a Python __init__) takes a shortcut in
# the runtime; every way the shortcut must step aside or report an error is here.
import abc
import sys


class Plain:
    def __init__(self, a, b=2):
        self.a, self.b = a, b


class Child(Plain):
    pass


class BadInit:
    def __init__(self):
        return 42


class WithNew:
    def __new__(cls, *args):
        print("WithNew.__new__", args)
        return super().__new__(cls)

    def __init__(self, x):
        print("WithNew.__init__", x)


class Other:
    pass


class ReturnsOther:
    def __new__(cls, x):
        return Other()

    def __init__(self, x):
        print("never called")


class Raises:
    def __init__(self, x):
        raise ValueError(f"bad {x}")


class NoInit:
    pass


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class CallableInit:
    class Init:
        def __get__(self, obj, owner):
            return lambda *a: print("bound init", type(obj).__name__, a)

    __init__ = Init()


reached = 0


class Deep:
    def __init__(self, n):
        global reached
        reached = max(reached, n)
        self.child = Deep(n + 1) if n < 50 or n > 100 else None


p = Plain(1)
print(p.a, p.b, Plain(3, 4).b, Child(5).a, Plain(a=6).a, Plain(*[7, 8]).b)
for make in (lambda: BadInit(), lambda: Plain(), lambda: Plain(1, 2, 3), lambda: NoInit(1),
             lambda: Raises(9), lambda: Base(), lambda: Plain(1, c=3)):
    try:
        make()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(WithNew(1)).__name__, type(ReturnsOther(1)).__name__, WithMeta(3).v)
CallableInit(1, 2)
d = Deep(0)
n = 0
while d:
    d, n = d.child, n + 1
print("depth", n)
Plain.__init__ = lambda self, a: setattr(self, "a", -a)
print(Plain(10).a, Child(11).a)
sys.setrecursionlimit(200)
try:
    Deep(101)
except RecursionError as e:
    print("RecursionError", reached, e)
