# PEP 614 arbitrary decorator expressions
decos = {"double": lambda f: lambda x: f(x) * 2, "inc": lambda f: lambda x: f(x) + 1}
@decos["double"]
def a(x): return x
@decos["inc"]
@decos["double"]
def b(x): return x
print(a(5), b(5))
class NS:
    @staticmethod
    def deco(f):
        return lambda: "decorated " + f()
@NS.deco
def c(): return "c"
print(c())
@(lambda f: f)
def d(): return "identity"
print(d())
flag = True
@(decos["double"] if flag else decos["inc"])
def e(x): return x
print(e(10))
