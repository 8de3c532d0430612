# class vs instance attributes, shadowing, mutable class attributes
class C:
    shared = []
    count = 0
    def __init__(self, name):
        self.name = name
        C.count += 1
        self.shared.append(name)
a = C("a")
b = C("b")
print(a.shared, b.shared is a.shared, C.count, a.count)
a.count = 100
print(a.count, b.count, C.count, "count" in a.__dict__)
del a.count
print(a.count)
C.new_attr = "added later"
print(a.new_attr, b.new_attr)
def method(self):
    return "dynamic " + self.name
C.dyn = method
print(a.dyn(), C.dyn(b))
a.f = lambda: "instance function, no self"
print(a.f())
print(sorted(a.__dict__), type(a).__name__, a.__class__ is C)
class Other: pass
o = Other()
o.__class__ = C if False else Other
print(type(o).__name__)
