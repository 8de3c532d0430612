# __slots__: restricted attributes, no __dict__, inheritance, errors
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
p.y = 5
print(p.y)
del p.y
print(hasattr(p, "y"))
class Q(P):
    pass
q = Q(2)
q.z = "has dict"
print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w",)
r = R(3)
r.w = 4
print(r.x, r.w)
try:
    r.v = 1
except AttributeError as e:
    print(e)
print(P.__slots__, sorted(type(P.x).__name__ for _ in range(1)))
class WithDict:
    __slots__ = ("a", "__dict__")
wd = WithDict()
wd.a = 1
wd.b = 2
print(wd.a, wd.__dict__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(e)
