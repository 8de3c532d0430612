# in-place operator dunders and fallback to binary operators
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __isub__(self, o):
        print("isub returns NotImplemented")
        return NotImplemented
    def __sub__(self, o):
        print("sub")
        return Acc(self.v - o)
    def __imul__(self, o):
        return "imul result replaces"
    def __repr__(self):
        return f"Acc({self.v})"
a = Acc(1)
orig = a
a += 5
print(a, a is orig)
a -= 2
print(a, a is orig)
a *= 3
print(a)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)
class AllInplace:
    def __init__(self): self.log = []
    def _rec(name):
        def f(self, o):
            self.log.append(name)
            return self
        return f
    for n in ["iadd", "isub", "imul", "imatmul", "itruediv", "ifloordiv", "imod", "ipow", "ilshift", "irshift", "iand", "ixor", "ior"]:
        locals()["__" + n + "__"] = _rec(n)
z = AllInplace()
z += 1; z -= 1; z *= 1; z @= 1; z /= 1; z //= 1; z %= 1; z **= 1; z <<= 1; z >>= 1; z &= 1; z ^= 1; z |= 1
print(z.log)
try:
    n = None
    n += 1
except TypeError as e:
    print(e)
