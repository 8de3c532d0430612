# __del__ order: at scope exit (locals released), for containers (items in order), for
# nested objects, generators, and at interpreter shutdown
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def scope():
    a = D("scope-a")
    b = D("scope-b")
    c = D("scope-c")
    print("leaving scope")
scope()
print("after scope")

items = [D("list-0"), D("list-1"), D("list-2")]
del items
t = (D("tuple-0"), D("tuple-1"))
t = None
d = {"x": D("dict-x"), "y": D("dict-y")}
d.clear()
print("cleared")

class Outer:
    def __init__(self):
        self.inner = D("inner")
    def __del__(self):
        print("del outer, inner alive:", self.inner.name)
o = Outer()
del o

def gen():
    x = D("gen-local")
    yield 1
    yield 2
g = gen()
next(g)
print("closing generator")
del g



last = D("global, released at exit")
print("end of module")
