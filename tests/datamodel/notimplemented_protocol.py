# NotImplemented dispatch: reflected operand, subclass priority, final TypeError
class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("A.__radd__")
        return "A.radd"
class B:
    def __add__(self, o):
        print("B.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("B.__radd__")
        return "B.radd"
print(A() + B())
class C:
    def __add__(self, o):
        return NotImplemented
class D:
    def __radd__(self, o):
        return NotImplemented
try:
    C() + D()
except TypeError as e:
    print(e)
class Base:
    def __mul__(self, o):
        return "Base.mul"
    def __rmul__(self, o):
        return "Base.rmul"
class Derived(Base):
    def __rmul__(self, o):
        return "Derived.rmul first"
print(Base() * Derived())
print(Derived() * Base())
class Same:
    def __radd__(self, o):
        return "never for same type"
try:
    Same() + Same()
except TypeError as e:
    print(e)
print(NotImplemented, type(NotImplemented).__name__)
class IntLike(int):
    def __radd__(self, o):
        return "IntLike.radd"
print(1 + IntLike(2), IntLike(2) + 1)
