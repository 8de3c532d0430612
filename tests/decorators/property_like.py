# hand-written descriptor decorators: cached_property and a validating setter
class cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        print("computing", self.name)
        v = self.fn(obj)
        obj.__dict__[self.name] = v
        return v
class Data:
    def __init__(self, xs):
        self.xs = xs
    @cached
    def total(self):
        return sum(self.xs)
d = Data([1, 2, 3])
print(d.total, d.total, d.total)
print(type(Data.total).__name__)
class positive:
    def __init__(self, fn):
        self.fn = fn
    def __set_name__(self, owner, name):
        self.key = "_" + name
    def __get__(self, obj, cls=None):
        return getattr(obj, self.key)
    def __set__(self, obj, v):
        if v <= 0:
            raise ValueError(f"{self.key[1:]} must be positive, got {v}")
        setattr(obj, self.key, self.fn(obj, v))
class Item:
    @positive
    def price(self, v):
        return round(v, 2)
it = Item()
it.price = 3.14159
print(it.price)
try:
    it.price = -1
except ValueError as e:
    print(e)
