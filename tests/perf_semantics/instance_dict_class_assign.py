# __class__ assignment between classes whose instances learned different layouts.


class A:
    def __init__(self):
        self.x = 1
        self.y = 2

    def who(self):
        return "A"


class B:
    def __init__(self):
        self.y = 20
        self.z = 30

    def who(self):
        return "B"


a = A()
b = B()
a.__class__ = B
print(a.who(), vars(a), a.x, a.y)
a.z = 3
print(vars(a))
a.__class__ = A
a.w = 4
print(a.who(), vars(a))
print(vars(b), vars(B()))


class C(A):
    pass


c = C()
c.extra = 1
c.__class__ = A
print(type(c).__name__, vars(c))
c.__class__ = C
print(type(c).__name__, vars(c))


class S:
    __slots__ = ("s",)


try:
    a.__class__ = S
except TypeError as e:
    print("TypeError:", e)
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    a.__class__ = 5
except TypeError as e:
    print("TypeError:", e)
print(type(a).__name__, vars(a))
