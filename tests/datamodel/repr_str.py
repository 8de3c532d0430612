# __repr__ vs __str__ fallbacks, in containers, print, format
class R:
    def __repr__(self): return "R()"
class S:
    def __str__(self): return "S-str"
    def __repr__(self): return "S-repr"
class OnlyStr:
    def __str__(self): return "only-str"
print(R(), str(R()), repr(R()), [R()], (S(),), {1: S()})
print(S(), f"{S()}", f"{S()!r}", "%s %r" % (S(), S()))
print(str(OnlyStr()), [str(OnlyStr())])
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(e)
class Rec:
    def __init__(self): self.items = [self]
    def __repr__(self): return f"Rec({self.items})"
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
