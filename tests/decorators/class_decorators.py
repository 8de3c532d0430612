# class decorators: registration, adding methods, replacing the class
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@register
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, "two"), registry)
def singleton(cls):
    inst = cls()
    return lambda: inst
@singleton
class Config:
    pass
print(Config() is Config())
def with_count(cls):
    orig = cls.__init__
    cls.count = 0
    def __init__(self, *a, **k):
        cls.count += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    return cls
@with_count
class Thing:
    def __init__(self, n):
        self.n = n
Thing(1); Thing(2)
print(Thing.count)
