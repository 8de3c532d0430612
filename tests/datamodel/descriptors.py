# data and non-data descriptors, __set_name__, lookup precedence
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
class Point:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, p.__dict__)
try:
    p.x = "a"
except TypeError as e:
    print(e)
print(type(Point.x).__name__)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class H:
    nd = NonData()
h = H()
print(h.nd)
h.__dict__["nd"] = "from instance dict"
print(h.nd)
class DataOnly:
    def __get__(self, obj, t=None):
        return "data descr wins"
    def __set__(self, obj, v):
        print("set called", v)
class H2:
    d = DataOnly()
h2 = H2()
h2.__dict__["d"] = "instance"
print(h2.d)
h2.d = 5
class Deleter:
    def __get__(self, o, t=None): return 1
    def __delete__(self, o): print("delete called")
class H3:
    d = Deleter()
del H3().d
