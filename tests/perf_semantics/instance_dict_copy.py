# copy, deepcopy, __getstate__/__reduce_ex__, dataclasses on compact instances.
import copy
from dataclasses import dataclass, asdict, replace, field


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, [2, 3])
c = copy.copy(p)
print(vars(c), c.y is p.y, type(c).__name__)
dc = copy.deepcopy(p)
print(vars(dc), dc.y is p.y)
print(p.__getstate__(), P.__new__(P).__getstate__())
r = p.__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2])
p.y = 5
print(vars(p), vars(c))


class WithSlots(P):
    __slots__ = ("s",)


ws = WithSlots(1, 2)
ws.s = 3
print(ws.__getstate__())
ws2 = copy.copy(ws)
print(vars(ws2), ws2.s)


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


pt = Point(1, 2)
print(pt, asdict(pt), replace(pt, y=5), pt == Point(1, 2), vars(pt))
pt2 = copy.deepcopy(pt)
pt2.tags.append("t")
print(pt, pt2)


class Cyc:
    pass


a = Cyc()
a.me = a
a.n = 1
b = copy.deepcopy(a)
print(b.me is b, b.n, b is not a)
