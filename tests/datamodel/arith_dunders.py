# binary arithmetic dunders and their reflected versions
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def _op(self, other, f):
        if isinstance(other, V):
            return V(*[f(a, b) for a, b in zip(self.c, other.c)])
        if isinstance(other, (int, float)):
            return V(*[f(a, other) for a in self.c])
        return NotImplemented
    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __radd__(self, o): return self._op(o, lambda a, b: b + a)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._op(o, lambda a, b: b * a)
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __rtruediv__(self, o): return self._op(o, lambda a, b: b / a)
    def __floordiv__(self, o): return self._op(o, lambda a, b: a // b)
    def __rfloordiv__(self, o): return self._op(o, lambda a, b: b // a)
    def __mod__(self, o): return self._op(o, lambda a, b: a % b)
    def __rmod__(self, o): return self._op(o, lambda a, b: b % a)
    def __pow__(self, o): return self._op(o, lambda a, b: a ** b)
    def __rpow__(self, o): return self._op(o, lambda a, b: b ** a)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __lshift__(self, o): return self._op(o, lambda a, b: a << b)
    def __rlshift__(self, o): return self._op(o, lambda a, b: b << a)
    def __rshift__(self, o): return self._op(o, lambda a, b: a >> b)
    def __and__(self, o): return self._op(o, lambda a, b: a & b)
    def __rand__(self, o): return self._op(o, lambda a, b: b & a)
    def __or__(self, o): return self._op(o, lambda a, b: a | b)
    def __ror__(self, o): return self._op(o, lambda a, b: b | a)
    def __xor__(self, o): return self._op(o, lambda a, b: a ^ b)
    def __rxor__(self, o): return self._op(o, lambda a, b: b ^ a)
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return V(*[+a for a in self.c])
    def __invert__(self): return V(*[~a for a in self.c])
    def __abs__(self): return V(*[abs(a) for a in self.c])
a = V(6, 9)
b = V(2, 3)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(1 + a, 10 - a, 2 * a, 18 / a, 20 // a, 20 % a, 2 ** b)
print(a @ b, a << 1, 1 << b, a >> 1, a & 3, 12 & a, a | 1, 1 | a, a ^ 5, 5 ^ a)
print(divmod(a, 2), divmod(2, a), -a, +a, ~a, abs(V(-1, 2)))
try:
    a + "s"
except TypeError as e:
    print(e)
try:
    "s" - a
except TypeError as e:
    print(e)
try:
    a @ 5
except AttributeError as e:
    print(type(e).__name__)
