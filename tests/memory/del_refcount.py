# __del__ runs as soon as the last reference goes (refcounting), in CPython's order
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = R("a")
print("before del a")
del a
print("after del a")
b = R("b")
b = R("b2")
print("rebound")
def f():
    x = R("local")
    print("in f")
f()
print("after f")
lst = [R("l1"), R("l2")]
lst.pop()
print("popped")
lst = None
print("list gone")
d = {"k": R("dv")}
d["k"] = 1
print("replaced")
class Res:
    def __del__(self):
        global saved
        print("resurrect")
        saved = self
r = Res()
del r
print(type(saved).__name__)
saved = None
print("end")
