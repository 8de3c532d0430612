# vars(), dir(), __dict__ of classes and instances
class A:
    cls_attr = 1
    def method(self): pass
class B(A):
    other = 2
    def __init__(self):
        self.inst = 3
b = B()
print(vars(b), b.__dict__ is vars(b))
print(sorted(k for k in vars(B) if not k.startswith("__")))
print([n for n in dir(b) if not n.startswith("__")])
print("method" in dir(B), "inst" in dir(B))
try:
    vars(5)
except TypeError as e:
    print(e)
class Custom:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(Custom()))
print(type(A.__dict__).__name__, A.__dict__["cls_attr"])
try:
    A.__dict__["new"] = 1
except TypeError as e:
    print(e)
b.__dict__["via_dict"] = "ok"
print(b.via_dict)
def f(): pass
f.x = 1
print(vars(f))
