# Calls between compiled functions go through a per-site cache keyed by the callee's code
# object; every way of changing what a call site reaches must be seen at once.
import sys


def one():
    return "one"


def two():
    return "two"


def call_g():
    return g()


# rebinding the global mid-loop, to functions, a lambda, a builtin, a class
g = one
out = []
for i in range(8):
    out.append(call_g())
    if i == 1:
        g = two
    elif i == 3:
        g = lambda: "lambda"
    elif i == 4:
        g = list
    elif i == 5:
        g = one
print(out)


# the same site called with a function of another arity, then keyword arguments
def add2(a, b):
    return a + b


def add3(a, b, c=100):
    return a + b + c


def call2(f, x, y):
    return f(x, y)


print([call2(add2, 1, 2), call2(add3, 1, 2), call2(add2, "a", "b")])
try:
    call2(lambda a: a, 1, 2)
except TypeError as e:
    print("TypeError:", e)


def call_wrong():
    return add2(1)


for _ in range(2):
    try:
        call_wrong()
    except TypeError as e:
        print("TypeError:", e)


def kw_site():
    return add3(1, b=2), add3(a=1, b=2, c=3)


print(kw_site(), kw_site())


# __code__ reassigned on the function the site has cached
def target():
    return "original code"


def other():
    return "replacement code"


def call_target():
    return target()


print(call_target(), call_target())
target.__code__ = other.__code__
print(call_target())


# closures made by one def share code but not cells; defaults come from each function
def make(k):
    def inner(x):
        return x * k
    return inner


def apply(f, v):
    return f(v)


print([apply(make(k), 10) for k in range(4)])


def with_default(a, b=5):
    return a + b


def call_default():
    return with_default(1)


print(call_default(), call_default())
with_default.__defaults__ = (50,)
print(call_default())


# methods: the site sees instances of different classes
class A:
    def f(self, x):
        return ("A", x)


class B(A):
    def f(self, x):
        return ("B", x)


class C:
    f = staticmethod(lambda x: ("C static", x))


def call_f(o, x):
    return o.f(x)


print([call_f(o, i) for i, o in enumerate([A(), B(), A(), C(), B()])])
a = A()
a.f = lambda x: ("instance attribute", x)
print(call_f(a, 9))


# a callee that raises: tracebacks keep every frame and line
def fails(x):
    if x > 2:
        raise ValueError(f"bad {x}")
    return x


def calls_fails(x):
    return fails(x) + 1


def outer():
    total = 0
    for i in range(5):
        total += calls_fails(i)
    return total


try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("ValueError:", e, names)


# frame introspection from a directly called function
def who():
    return sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name


def caller_of_who():
    return who()


print(caller_of_who(), caller_of_who())


# generators are never called directly: each call makes a generator
def gen(n):
    yield from range(n)


def use_gen():
    return [list(gen(3)), list(gen(2))]


print(use_gen(), use_gen())


# recursion through direct calls hits the recursion limit as CPython does
def down(n):
    return down(n + 1) if n >= 0 else n


sys.setrecursionlimit(200)
for _ in range(2):
    try:
        down(0)
    except RecursionError as e:
        print("RecursionError:", e)
sys.setrecursionlimit(1000)
depth = 0


def count(n):
    global depth
    depth = n
    count(n + 1)


try:
    count(0)
except RecursionError:
    print("deepest:", depth)


# the function rebinding itself while it runs
def selfish(n):
    global selfish
    if n == 0:
        selfish = lambda n: "rebound"
        return "first"
    return selfish(n - 1)


print(selfish(3), selfish(3))


# a callee that deletes the global naming it, then the caller calls again
def victim():
    return "victim"


def call_victim():
    return victim()


print(call_victim())
del victim
try:
    call_victim()
except NameError as e:
    print("NameError:", e)


# an uncaught error through direct calls: the full traceback is printed
def level3(x):
    return 10 // x


def level2(x):
    return level3(x) + 1


def level1(x):
    return level2(x) * 2


print(level1(5))
level1(0)
