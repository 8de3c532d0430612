# argument errors in methods count self; bound method introspection
class C:
    def m(self, a, b=1):
        return a + b
    def none(self):
        return "none"
c = C()
print(c.m(1), C.m(c, 2, 3))
for call in [lambda: c.m(), lambda: c.m(1, 2, 3), lambda: C.m(), lambda: c.none(1), lambda: C.none()]:
    try:
        call()
    except TypeError as e:
        print(e)
bm = c.m
print(bm.__self__ is c, bm.__func__ is C.m, bm.__name__, bm(10))
print(c.m == c.m, c.m is c.m)
class Init:
    def __init__(self, x):
        self.x = x
try:
    Init()
except TypeError as e:
    print(e)
try:
    Init(1, 2)
except TypeError as e:
    print(e)
try:
    object.__new__(Init).__init__()
except TypeError as e:
    print(e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
