# metaclass patterns: singleton, auto-registry, attribute validation, class methods on metaclass
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Conf(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
print(Conf(1) is Conf(2), Conf(3).v)
class Upper(type):
    def __new__(mcs, name, bases, ns):
        ns2 = {k.upper() if not k.startswith("__") else k: v for k, v in ns.items()}
        return super().__new__(mcs, name, bases, ns2)
class U(metaclass=Upper):
    small = 1
    def meth(self): return "meth"
print(U.SMALL, U().METH(), hasattr(U, "small"))
class WithClassProp(type):
    @property
    def describe(cls):
        return "class " + cls.__name__
    def __repr__(cls):
        return f"<custom class {cls.__name__}>"
    def __len__(cls):
        return 42
class W(metaclass=WithClassProp): pass
print(W.describe, repr(W), len(W))
try:
    W().describe
except AttributeError as e:
    print(e)
class M1(type): pass
class M2(type): pass
class P1(metaclass=M1): pass
class P2(metaclass=M2): pass
try:
    class Both(P1, P2): pass
except TypeError as e:
    print(e)
