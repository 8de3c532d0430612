# Direct calls pass plain positional arguments in registers to the callee's second
# native entry (after the call site's guard on the callee's code). Everything that can
# change what a site reaches, or how its arguments bind, must still behave as CPython.
import sys


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def site(x, y):
    return add(x, y)


# rebinding the callee between calls: same arity, other arity, builtin, class, lambda
print([site(1, 2) for _ in range(3)])
add = sub
print(site(10, 4))
add = lambda a, b=0, *rest: ("lambda", a, b, rest)
print(site(1, 2))
add = max
print(site(3, 9))


class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __repr__(self):
        return f"Pair({self.a}, {self.b})"


add = Pair
print(site(5, 6))


def one(a):
    return a


add = one
for _ in range(2):
    try:
        site(1, 2)
    except TypeError as e:
        print("TypeError:", e)


def three(a, b, c):
    return a + b + c


add = three
try:
    site(1, 2)
except TypeError as e:
    print("TypeError:", e)


def kw_only(a, b, *, c=7):
    return a, b, c


add = kw_only
print(site(1, 2))


# defaults, keywords and positional-only parameters reaching one function from one site
def p(a, b=5, /, c=6):
    return (a, b, c)


def mixed(f, n):
    out = []
    for i in range(n):
        out.append(f(i, i + 1, i + 2))
        out.append(f(i))
        out.append(f(i, 9))
    return out


print(mixed(p, 3))
try:
    p(1, b=2)
except TypeError as e:
    print("TypeError:", e)
try:
    p()
except TypeError as e:
    print("TypeError:", e)
try:
    p(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)


# methods: the bound self comes first in the register arguments
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


c = Counter()
print([c.bump(i) for i in range(5)])
Counter.bump = lambda self, k: "patched"
print(c.bump(1))
c.bump = lambda k: ("instance attribute", k)
print(c.bump(2))


# generator functions at a direct-call site return generators, not results
def gen(n):
    for i in range(n):
        yield i * i


def call_gen(f, n):
    return list(f(n))


print(call_gen(gen, 4), call_gen(gen, 2))
print(call_gen(lambda n: [n] * n, 3))


# closures made by one def share the code object, not the cells
def make(k):
    def inner(x):
        return x * k

    return inner


def apply(f, x):
    return f(x)


print([apply(make(k), 10) for k in range(4)])


# locals of a running register-entry caller, seen from its callee
def peek():
    return sorted(sys._getframe(1).f_locals.items())


def caller(a, b):
    total = a * b
    tmp = [total]
    del tmp
    return peek()


print(caller(3, 4))


# arguments are owned by the callee: values must survive and be released exactly once
class Tracked:
    alive = 0

    def __init__(self):
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1


def keep_first(a, b):
    return a


def churn():
    kept = [keep_first(Tracked(), Tracked()) for _ in range(50)]
    return Tracked.alive, len(kept)


print(churn(), Tracked.alive)
