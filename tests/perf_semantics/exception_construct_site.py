# Call sites that cache the construction of exception classes (class.rs
# construct_at_site: BaseException.__new__, then a Python __init__ through its native
# entry, or nothing for BaseException.__init__): every edge must behave as type_call.
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class NotFound(AppError):
    pass


class NoInit(ValueError):
    pass


class SuperInit(KeyError):
    def __init__(self, *a):
        super().__init__(*a)
        self.n = len(a)


class ChangesArgs(Exception):
    def __init__(self, a, b):
        super().__init__(a + b)


class KeepsNothing(Exception):
    def __init__(self, x):
        pass  # never calls the base: args stay what __new__ stored


class ReturnsValue(Exception):
    def __init__(self, x):
        return x


class RaisesInInit(Exception):
    def __init__(self, x):
        raise RuntimeError("init failed for %r" % (x,))


class OwnNew(Exception):
    def __new__(cls, *a):
        o = super().__new__(cls, "from new")
        o.made = True
        return o


class Slotted(Exception):
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class StopSub(StopIteration):
    pass


class OSSub(OSError):
    pass


def make(cls, *a):
    return cls(*a)


def show(e):
    print(type(e).__name__, e.args, str(e), repr(e), getattr(e, "code", None))


def one_site(cls, x):
    return cls(x)  # one call site, many classes


for i in range(3):
    show(NotFound(i))
    show(AppError(i))
    show(NoInit(i))
    show(ValueError("bad value"))
    show(KeyError(i))
    e = SuperInit(i, i + 1)
    print(e.args, e.n)
    print(ChangesArgs(i, 10).args)
    print(KeepsNothing(i).args)
    try:
        ReturnsValue(i)
    except TypeError as t:
        print("TypeError", t)
    try:
        RaisesInInit(i)
    except RuntimeError as r:
        print("RuntimeError", r, r.__context__)
    o = OwnNew(i)
    print(o.args, o.made)
    s = Slotted(i)
    print(s.args, s.a)
    print(StopSub(i).value, StopIteration(i).value)
    print(type(OSError(2, "gone")).__name__, OSSub(2, "gone").errno)
    print(type(one_site(ValueError, i)).__name__, type(one_site(NotFound, i)).__name__,
          type(one_site(int, i)).__name__, type(one_site(str, i)).__name__)

# rebinding __init__ after the sites cached it
def new_init(self, code):
    Exception.__init__(self, code, "rebound")
    self.code = -code


original_init = AppError.__init__
for i in range(2):
    show(NotFound(5))
    if i == 0:
        AppError.__init__ = new_init
show(NotFound(6))
del AppError.__init__
show(NotFound(7))
AppError.__init__ = original_init
NoInit.__init__ = lambda self, x: setattr(self, "code", x * 100)
show(NoInit(8))

# raise through a cached site and catch by class
total = 0
for i in range(50):
    try:
        if i % 3 == 0:
            raise NotFound(i)
        if i % 3 == 1:
            raise NoInit(i)
        raise ValueError(i)
    except NotFound as e:
        total += e.code
    except ValueError as e:
        total += e.args[0]
print("total", total)

# the construction counts one recursion level, as CPython's class call does
class Deep(Exception):
    def __init__(self, n):
        super().__init__(n)
        if n:
            self.inner = Deep(n - 1)


sys.setrecursionlimit(60)
try:
    Deep(1000)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)
print(Deep(5).inner.inner.args)

# wrong argument counts reach the __init__'s own error
try:
    AppError2 = type("AppError2", (Exception,), {"__init__": lambda self, a, b: None})
    for k in range(2):
        AppError2(1)
except TypeError as e:
    print("TypeError", e)
