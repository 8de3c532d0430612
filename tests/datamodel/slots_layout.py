# __slots__ members live in the instance layout: layout conflicts, subclasses with __dict__
class P:
    __slots__ = ("x", "y")
p = P()
try: del p.y
except AttributeError as e: print(repr(e))
try: P.x.__get__(5)
except Exception as e: print(type(e).__name__, e)
try: vars(p)
except TypeError as e: print(e)
print(P.x, type(P.x).__name__, P.x.__name__)
try:
    class M(type): __slots__ = ('a',)
except TypeError as e: print(e)
class A: __slots__ = ('a',)
class B: __slots__ = ('b',)
try:
    class C(A, B): pass
except TypeError as e: print(e)
class D: pass
class E(A, D): pass
print(E.__base__, hasattr(E(), '__dict__'))
class Q(P): pass
q = Q(); q.x = 1; q.z = 2
print(vars(q), q.x)
class S(list):
    __slots__ = ('n',)
s = S([1, 2]); s.n = 3; print(s, s.n)
class Pr:
    __slots__ = ('__priv',)
    def __init__(self): self.__priv = 1
print(Pr()._Pr__priv, sorted(k for k in Pr.__dict__ if 'priv' in k))
class W:
    __slots__ = '__dict__'
w = W(); w.q = 1; print(w.__dict__)
