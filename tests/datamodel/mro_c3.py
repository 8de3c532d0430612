# C3 linearization for diamond and complex hierarchies, and inconsistent MRO errors
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
for k in (K1, K2, K3, Z):
    print(k.__name__, [c.__name__ for c in k.__mro__])
print([c.__name__ for c in Z.mro()])
try:
    class Bad(A, K1): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(A, A): pass
except TypeError as e:
    print(type(e).__name__, e)
print(Z.__bases__ == (K1, K2, K3), Z.__base__.__name__)
class X: pass
class Y(X): pass
try:
    class W(X, Y): pass
except TypeError as e:
    print(e)
