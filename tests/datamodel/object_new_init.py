# __new__ vs __init__: custom __new__, returning other types, immutable subclasses
class Tracked:
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, x):
        print("init", x)
        self.x = x
t = Tracked(5)
print(t.created, t.x)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(Other())
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, type(u).__name__, u + "!", isinstance(u, str), len(u))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(3, 4)
print(p, p.x, p[1], p == (3, 4), type(p).__name__)
class PosInt(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(PosInt(5) + 1, type(PosInt(5) + 1).__name__)
try:
    PosInt(-1)
except ValueError as e:
    print(e)
