# Class attributes shared vs instance; mutable class attribute pitfall; class-level counters; __slots__.
class Bag:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = Bag(), Bag()
a.add(1); b.add(2)
print(a.items, b.items, Bag.items)
class Fixed:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
c, d = Fixed(), Fixed()
c.add(1)
print(c.items, d.items)
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
s = Slotted()
s.y = 2
print(s.x, s.y)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)
class Const:
    PI = 3.14
    E = 2.72
    NAMES = ("pi", "e")
print(Const.PI, Const().E, Const.NAMES, [k for k in vars(Const) if not k.startswith("_")])
