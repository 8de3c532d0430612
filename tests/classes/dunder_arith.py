# Arithmetic dunders: __add__/__radd__/__iadd__/__mul__/__neg__/__abs__/__truediv__, NotImplemented fallbacks.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), b / 2, a == Vec(1, 2), bool(Vec(0, 0)), bool(a))
c = a
c += b
print(c, a, c is a)
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
try:
    1 + a
except TypeError as e:
    print("TypeError", e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc.items, acc is ref)
class Money:
    def __init__(self, c):
        self.c = c
    def __radd__(self, other):
        return Money(self.c + (other.c if isinstance(other, Money) else other))
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    def __repr__(self):
        return f"${self.c / 100:.2f}"
print(sum([Money(150), Money(275), Money(5)]), 10 + Money(1), Money(1) + 10)
class M:
    def __matmul__(self, o): return "matmul"
    def __floordiv__(self, o): return "floordiv"
    def __mod__(self, o): return "mod"
    def __pow__(self, o): return "pow"
    def __lshift__(self, o): return "lshift"
    def __and__(self, o): return "and"
    def __invert__(self): return "invert"
    def __pos__(self): return "pos"
m = M()
print(m @ 1, m // 1, m % 1, m ** 1, m << 1, m & 1, ~m, +m)
