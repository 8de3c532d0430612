# type(name, bases, dict) creates classes dynamically
def init(self, v):
    self.v = v
Dyn = type("Dyn", (), {"__init__": init, "double": lambda self: self.v * 2, "k": 7})
d = Dyn(21)
print(Dyn.__name__, d.double(), Dyn.k, type(d).__name__)
Sub = type("Sub", (Dyn,), {"triple": lambda self: self.v * 3})
s = Sub(2)
print(s.double(), s.triple(), [c.__name__ for c in Sub.__mro__])
print(type(5).__name__, type(type).__name__, type(Dyn) is type)
try:
    type("X", 5, {})
except TypeError as e:
    print(e)
try:
    type("X", (), 5)
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
E = type("E", (Exception,), {})
try:
    raise E("dynamic exception")
except E as e:
    print(type(e).__name__, e)
print(Dyn.__qualname__, Dyn.__module__)
