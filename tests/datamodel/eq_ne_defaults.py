# __ne__ derives from __eq__, reflected __eq__, NotImplemented identity fallback
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("A.eq")
        if isinstance(o, A):
            return self.v == o.v
        return NotImplemented
print(A(1) != A(1), A(1) != A(2))
print(A(1) == 1, 1 == A(1), A(1) != "x")
a = A(1)
print(a == a, [a].count(a), a in [A(1)])
class B:
    def __ne__(self, o):
        return "custom ne"
print(B() != B(), B() == B())
