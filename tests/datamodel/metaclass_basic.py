# metaclasses: __new__, __init__, __call__, __prepare__ order
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)
class A(metaclass=Meta, flag=True):
    x = 1
    def m(self): pass
print(A.injected, type(A).__name__)
class B(A):
    def __init__(self, v):
        self.v = v
b = B(5)
print(b.v, type(B) is Meta, isinstance(B, Meta))
