# property getter/setter/deleter, decorator chaining, read-only errors
class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def celsius(self):
        "temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(e)
print(Temp.celsius.__doc__, type(Temp.celsius).__name__)
def getx(self): return 42
class P:
    x = property(getx, doc="the x")
print(P().x, P.x.__doc__, P.x.fget is getx, P.x.fset)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub " + str(self._c)
s = Sub()
s.celsius = 5
print(s.celsius)
