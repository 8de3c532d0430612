"""RecursionError from chains of constructors under a lowered recursion limit: the depth
reached and the message match CPython 3.11, which counts the class call (" while
calling a Python object"), the __init__ frame, and each comparison made by C code such
as max() or list comparison (" in comparison"), even between small ints."""
import sys

sys.setrecursionlimit(100)
depth = 0


def run(name, make):
    global depth
    depth = 0
    try:
        make()
        print(name, "no error")
    except RecursionError as e:
        print(name, depth, e)


class Plain:
    def __init__(self, d):
        global depth
        depth = d
        self.child = Plain(d + 1) if d < 10**6 else None


class Kw:
    def __init__(self, d, step=1):
        global depth
        depth = d
        self.child = Kw(d + step, step=step)


class Base:
    def __init__(self, d):
        global depth
        depth = d
        self.child = Sub(d + 1)


class Sub(Base):
    def __init__(self, d):
        super().__init__(d)


class ViaFactory:
    def __init__(self, d):
        global depth
        depth = d
        ViaFactory.make(d + 1)

    @staticmethod
    def make(d):
        return ViaFactory(d)


class WithMax:
    def __init__(self, d):
        global depth
        depth = max(depth, d)
        self.child = WithMax(d + 1)


class WithMin:
    def __init__(self, d):
        global depth
        depth = d
        self.child = WithMin(d + 1) if min([d, 10**6]) == d else None


class WithListCompare:
    def __init__(self, d):
        global depth
        depth = d
        self.child = WithListCompare(d + 1) if [d] < [10**6] else None


class New:
    def __new__(cls, d):
        global depth
        depth = d
        return New(d + 1)


class Slots:
    __slots__ = ("child",)

    def __init__(self, d):
        global depth
        depth = d
        self.child = Slots(d + 1)


class InList:
    def __init__(self, d):
        global depth
        depth = d
        self.children = [InList(d + 1)]


def func(d):
    global depth
    depth = d
    return func(d + 1)


run("plain", lambda: Plain(0))
run("keyword", lambda: Kw(0))
run("super", lambda: Sub(0))
run("factory", lambda: ViaFactory(0))
run("max", lambda: WithMax(0))
run("min", lambda: WithMin(0))
run("list compare", lambda: WithListCompare(0))
run("__new__", lambda: New(0))
run("slots", lambda: Slots(0))
run("in list", lambda: InList(0))
run("function", lambda: func(0))

# tests/classes/construct_paths.py's shape: a chain started at 101 under limit 200
reached = 0


class Deep:
    def __init__(self, n):
        global reached
        reached = max(reached, n)
        self.child = Deep(n + 1) if n < 50 or n > 100 else None


sys.setrecursionlimit(200)
try:
    Deep(101)
except RecursionError as e:
    print("deep", reached, e)
