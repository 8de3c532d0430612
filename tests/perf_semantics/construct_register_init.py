"""Class calls whose __init__ runs through its cached register-argument entry: zero to
five arguments, __init__ raising or returning non-None, __init__ replaced or deleted
while a loop constructs, recursion inside __init__, defaults (no register entry),
__new__ overridden, and __del__ order."""


class A0:
    def __init__(self):
        self.n = 0


class A1:
    def __init__(self, a):
        self.a = a


class A3:
    def __init__(self, a, b, c):
        self.s = a + b + c


class A5:
    def __init__(self, a, b, c, d, e):
        self.s = (a, b, c, d, e)


class A6:
    def __init__(self, a, b, c, d, e, f):
        self.s = a + b + c + d + e + f


for i in range(3):
    print(A0().n, A1(i).a, A3(i, 1, 2).s, A5(i, 1, 2, 3, 4).s, A6(i, 1, 2, 3, 4, 5).s)


class Bad:
    def __init__(self, x):
        if x > 1:
            raise ValueError("bad %d" % x)
        self.x = x


for i in range(4):
    try:
        print(Bad(i).x)
    except ValueError as e:
        print("ValueError:", e)


class Ret:
    def __init__(self, x):
        if x:
            return x


for i in range(3):
    try:
        print(type(Ret(i)).__name__)
    except TypeError as e:
        print("TypeError:", e)


class Swap:
    def __init__(self, x):
        self.x = x


def other_init(self, x):
    self.x = ("other", x)


out = []
for i in range(6):
    out.append(Swap(i).x)
    if i == 2:
        Swap.__init__ = other_init
    if i == 4:
        del Swap.__init__
        Swap.__init__ = lambda self, x: setattr(self, "x", -x)
print(out)


class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
depth = 0
while d is not None:
    depth += 1
    d = d.child
print(depth)


class Forever:
    def __init__(self):
        self.c = Forever()


try:
    Forever()
except RecursionError as e:
    print("RecursionError:", e)


class Defaults:
    def __init__(self, a, b=2):
        self.s = a + b


print([Defaults(i).s for i in range(3)], Defaults(1, 5).s)


class WithNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.made = x
        return o

    def __init__(self, x):
        self.x = x * 2


print([(w.made, w.x) for w in (WithNew(i) for i in range(3))])

log = []


class Noisy:
    def __init__(self, name, child):
        self.name = name
        self.child = child

    def __del__(self):
        log.append(self.name)


def tree(n):
    return Noisy("n%d" % n, tree(n - 1) if n else None)


for _ in range(2):
    t = tree(3)
    del t
print(log)


class Kw:
    def __init__(self, a, b):
        self.s = (a, b)


print([Kw(i, b=i).s for i in range(2)], Kw(b=1, a=2).s)
try:
    Kw(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Kw(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
