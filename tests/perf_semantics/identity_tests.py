"""`is` / `is not` against None, True and False, as jumps and as values: attributes
read for the test (instance slots, properties making a new object each time,
__getattr__, a missing attribute), bools versus equal ints, and identity of other
objects."""
import sys


class Link:
    def __init__(self, value, link=None):
        self.value = value
        self.link = link


def length(p):
    n = 0
    while p.link is not None:
        n += 1
        p = p.link
    return n


def last_value(p):
    while True:
        if p.link is None:
            return p.value
        p = p.link


chain = None
for i in range(10):
    chain = Link(i, chain)
print(length(chain), last_value(chain))


class Fresh:
    @property
    def link(self):
        return [self]  # a new object on every read

    def __getattr__(self, name):
        return None if name == "gone" else (name,)


def probe(o, k):
    out = []
    for _ in range(k):
        out.append((o.link is None, o.link is not None, o.gone is None, o.other is None))
    return out


f = Fresh()
before = sys.getrefcount(f)
print(probe(f, 3))
print(sys.getrefcount(f) == before)


def flags(vals):
    out = []
    for v in vals:
        out.append((v is True, v is False, v is None, v is not True, v is not False))
    return out


print(flags([True, False, None, 1, 0, 1.0, "", []]))


class Holder:
    def __init__(self, flag):
        self.flag = flag


def count_true(hs):
    n = 0
    for h in hs:
        if h.flag is True:
            n += 1
        elif h.flag is False:
            n -= 1
    return n


print(count_true([Holder(True), Holder(1), Holder(False), Holder(0), Holder(True), Holder(None)]))


def as_values(o):
    a = o.link is None
    b = o.value is not None
    return a, b, [a, b]


print(as_values(Link(5)), as_values(Link(None, Link(1))))


def missing(o):
    try:
        return o.nothing is None
    except AttributeError as e:
        return "AttributeError: " + str(e)


print(missing(Link(1)))


def same(a, b):
    return a is b, a is not b


x = [1]
print(same(x, x), same(x, [1]), same(None, None), same(sys, sys))


def maybe_bound(flag, other):
    if flag:
        v = other
    try:
        return v is None, v is not other, other is v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(maybe_bound(True, None), maybe_bound(True, x), maybe_bound(False, x))


def crash(p):
    while p.link is not None:
        p = p.link
    return p.link.value


print(crash(Link(1, Link(2))))
