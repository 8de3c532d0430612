# __new__ for singleton-ish and int subclass, __init_subclass__ registration, __class_getitem__-free.
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        self.v = v
s1 = Singleton(1)
s2 = Singleton(2)
print(s1 is s2, s1.v)
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
    def __repr__(self):
        return f"Pos({int(self)})"
p = Pos(-5)
print(p, p + 1, isinstance(p, int), type(p + 1).__name__, p * 2)
class Plugin:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Plugin.registry.append(cls.__name__)
class A(Plugin): pass
class B(Plugin): pass
class C(A): pass
print(Plugin.registry)
class Str(str):
    def shout(self):
        return self.upper() + "!"
print(Str("hey").shout(), Str("a") + "b", type(Str("a") + "b").__name__, len(Str("four")))
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), ml[1:3], type(ml[1:3]).__name__)
class MyDict(dict):
    def __missing__(self, k):
        return f"missing:{k}"
md = MyDict(a=1)
print(md["a"], md["b"], md.get("b"), md)
