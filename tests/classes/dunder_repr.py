# __str__ and __repr__: print, str(), repr(), containers use repr, f-string conversions.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"P({self.x!r}, {self.y!r})"
class Q(P):
    def __str__(self):
        return f"<{self.x},{self.y}>"
p, q = P(1, "a"), Q(2, "b")
print(p, str(p), repr(p), [p], (p,), {"k": p})
print(q, str(q), repr(q), [q], f"{q} {q!r}")
class OnlyStr:
    def __str__(self):
        return "only-str"
o = OnlyStr()
print(o, str(o), f"{o}")
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
