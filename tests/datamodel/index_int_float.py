# __index__, __int__, __float__, __complex__, __round__, __trunc__ and their uses
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], "abcdef"[Idx(-1)])
print(bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), int(Idx(7)) if False else "skip")
print(range(Idx(3)), [0] * Idx(2), operator_like := Idx(4).__index__())
class Num:
    def __int__(self): return 42
    def __float__(self): return 2.5
    def __complex__(self): return 1 + 2j
    def __round__(self, n=None): return f"round {n}"
    def __trunc__(self): return 9
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
n = Num()
import math
print(int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
try:
    lst[Num()]
except TypeError as e:
    print(e)
class BadIndex:
    def __index__(self): return "x"
try:
    lst[BadIndex()]
except TypeError as e:
    print(e)
class BadInt:
    def __int__(self): return 1.5
try:
    int(BadInt())
except TypeError as e:
    print(e)
try:
    float(object())
except TypeError as e:
    print(e)
