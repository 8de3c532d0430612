# Rich comparisons: __eq__, __lt__, __le__, reflected ops, NotImplemented, sorting, __hash__.
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        if not isinstance(other, V):
            return NotImplemented
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __hash__(self):
        return hash(self.n)
    def __repr__(self):
        return f"V{self.n}"
vs = [V(3), V(1), V(2), V(1)]
print(sorted(vs), min(vs), max(vs), V(1) == V(1), V(1) != V(2), V(1) == 1, V(2) > V(1))
print(len(set(vs)), V(2) in vs, vs.index(V(2)), vs.count(V(1)), {V(1): "one"}[V(1)])
try:
    print(V(1) <= V(2))
except TypeError as e:
    print("TypeError", e)
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
print(NoHash() == 5, 5 == NoHash(), NoHash() != 1)
class Version:
    def __init__(self, s):
        self.parts = tuple(int(x) for x in s.split("."))
    def __lt__(self, o): return self.parts < o.parts
    def __eq__(self, o): return self.parts == o.parts
    def __repr__(self): return ".".join(map(str, self.parts))
print(sorted([Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]))
