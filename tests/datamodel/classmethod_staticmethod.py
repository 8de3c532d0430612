# classmethod and staticmethod binding through instances, classes, subclasses
class C:
    count = 0
    @classmethod
    def create(cls, *args):
        cls.count += 1
        return cls.__name__, args
    @staticmethod
    def helper(x):
        return x * 2
    def regular(self):
        return self.helper(5), self.create(1)
class D(C):
    pass
print(C.create(1), D.create(), C().create(2), D().create())
print(C.count, D.count)
print(C.helper(3), C().helper(4), D.helper(5))
print(C().regular())
sm = C.__dict__["helper"]
cm = C.__dict__["create"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(7))
print(callable(sm))
bound = C.create
print(bound.__self__.__name__, bound.__func__.__name__)
def plain(cls):
    return cls.__name__
C.dyn = classmethod(plain)
print(D.dyn(), D().dyn())
