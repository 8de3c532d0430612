# zero-argument super() in methods, classmethods, diamond cooperation
class Base:
    def hello(self):
        return "Base"
    @classmethod
    def make(cls):
        return "Base.make for " + cls.__name__
class Left(Base):
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def hello(self):
        return "Right>" + super().hello()
    @classmethod
    def make(cls):
        return "Right.make>" + super().make()
class Both(Left, Right):
    def hello(self):
        return "Both>" + super().hello()
print(Both().hello())
print(Both.make())
print(super(Left, Both()).hello())
print(super(Both, Both).make())
class Init:
    def __init__(self, **kw):
        print("Init", sorted(kw))
class A(Init):
    def __init__(self, a=0, **kw):
        print("A", a)
        super().__init__(**kw)
class B(Init):
    def __init__(self, b=0, **kw):
        print("B", b)
        super().__init__(**kw)
class AB(A, B):
    pass
AB(a=1, b=2, c=3)
def outside():
    try:
        super()
    except RuntimeError as e:
        print(type(e).__name__, e)
outside()
class S:
    def m(self):
        return [super().__repr__ is not None for _ in range(1)] if False else "ok"
print(S().m())
