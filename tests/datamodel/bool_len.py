# truthiness: __bool__, __len__ fallback, errors for bad return types
class T:
    def __bool__(self): return False
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Neither: pass
print(bool(T()), bool(L(0)), bool(L(3)), bool(Neither()))
print("yes" if L(2) else "no", not L(0))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
try:
    bool(NegLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self): return "3"
try:
    len(StrLen())
except TypeError as e:
    print(e)
class BigLen:
    def __len__(self): return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(e)
class BoolAndLen:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(BoolAndLen()))
try:
    len(5)
except TypeError as e:
    print(e)
