# __slots__ and __dict__ together.


class S:
    __slots__ = ("a", "b")


s = S()
s.a = 1
print(s.a, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)


class SD(S):
    pass   # adds a __dict__


sd = SD()
sd.a = 1
sd.c = 3
sd.d = 4
print(sd.a, vars(sd))
del sd.c
print(vars(sd))


class WithDict:
    __slots__ = ("x", "__dict__")


w = WithDict()
w.x = 1
w.y = 2
print(w.x, vars(w))


class Plain:
    pass


class SlotsOnPlain(Plain):
    __slots__ = ("q",)


sp = SlotsOnPlain()
sp.q = 1
sp.r = 2
print(sp.q, vars(sp))
del sp.q
try:
    sp.q
except AttributeError as e:
    print("AttributeError:", e)
print(vars(sp))
try:
    class Bad(Plain):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("TypeError:", e)
