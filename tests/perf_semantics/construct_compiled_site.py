"""Class calls inside functions, where compiled code makes the instance and calls the
cached __init__ itself: subclasses, a global rebound to another class or a function,
__init__ replaced, raising, returning non-None, recursion, a decorated class, a class
with a foreign base, and an uncaught error's traceback through two constructions."""
import sys


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


class Leaf(Node):
    def __init__(self, v):
        Node.__init__(self, None, None)
        self.v = v


def build(depth):
    if depth == 0:
        return Leaf(depth)
    return Node(build(depth - 1), build(depth - 1))


def count(n):
    return 1 if n.left is None else 1 + count(n.left) + count(n.right)


print(count(build(6)), sys.getrefcount(Node) == sys.getrefcount(Node))


def make_many(cls, k):
    return [cls(i, -i) for i in range(k)]


print(len(make_many(Node, 100)), make_many(Node, 3)[2].right)


class Pair:
    def __init__(self, a, b):
        self.s = (a, b)


def pairs(k):
    out = []
    for i in range(k):
        out.append(Pair(i, i * i).s)
    return out


print(pairs(4))
OrigPair = Pair


class Pair:  # the global now names another class
    def __init__(self, a, b):
        self.s = ("second", a + b)


print(pairs(3))
Pair = lambda a, b: OrigPair(b, a)  # noqa: E731 - and then a function
print(pairs(3))
Pair = OrigPair


def swap_init(k):
    out = []
    for i in range(k):
        try:
            out.append(Pair(i, 0).s)
        except TypeError as e:
            out.append(str(e))
        if i == 1:
            Pair.__init__ = lambda self, a, b: setattr(self, "s", ("patched", a))
        if i == 3:
            del Pair.__init__
        if i == 4:
            Pair.__init__ = OrigInit
    return out


OrigInit = Pair.__init__
print(swap_init(7))


class Strict:
    def __init__(self, x):
        if x < 0:
            raise ValueError(f"negative: {x}")
        self.x = x


def strict_all(xs):
    done = []
    for x in xs:
        try:
            done.append(Strict(x).x)
        except ValueError as e:
            done.append(str(e))
    return done


print(strict_all([1, -2, 3, -4]))


class Returns:
    def __init__(self, x):
        if x == 2:
            return "oops"


def returns(k):
    for i in range(k):
        try:
            Returns(i)
        except TypeError as e:
            print("TypeError:", e)


returns(4)


class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n > 0 else None


def chain(n):
    c = Chain(n)
    k = 0
    while c is not None:
        k += 1
        c = c.next
    return k


print(chain(100))
try:
    chain(100000)
except RecursionError as e:
    print("RecursionError:", e)


def tagged(cls):
    cls.tag = "decorated"
    return cls


@tagged
class Deco:
    def __init__(self, v):
        self.v = v


def decos(k):
    return [(Deco(i).v, Deco.tag) for i in range(k)]


print(decos(3))


class Problem(Exception):
    def __init__(self, code):
        super().__init__(f"problem {code}")
        self.code = code


def problems(k):
    out = []
    for i in range(k):
        try:
            raise Problem(i)
        except Problem as e:
            out.append((e.code, str(e)))
    return out


print(problems(3))


class Counted:
    made = 0

    def __init__(self):
        Counted.made += 1


def count_made(k):
    for _ in range(k):
        Counted()
    return Counted.made


print(count_made(1000))


class Outer:
    def __init__(self, v):
        self.inner = Inner(v)


class Inner:
    def __init__(self, v):
        self.v = 10 // v


def outers(vs):
    return [Outer(v).inner.v for v in vs]


print(outers([1, 2, 5]))
print(outers([3, 0]))
