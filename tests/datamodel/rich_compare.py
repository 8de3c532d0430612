# rich comparisons: reflection, NotImplemented fallback, identity default for ==
class N:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("N.eq")
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        print("N.lt")
        return self.v < o.v if isinstance(o, N) else NotImplemented
    def __gt__(self, o):
        print("N.gt")
        return self.v > o.v if isinstance(o, N) else NotImplemented
print(N(1) == N(1), N(1) != N(2))
print(N(1) < N(2), N(2) > N(1))
print(N(3) > N(1))
try:
    N(1) < 5
except TypeError as e:
    print(e)
try:
    N(1) <= N(2)
except TypeError as e:
    print(e)
class Plain: pass
p = Plain()
print(p == p, p != p, p == Plain(), p != Plain())
class AlwaysEq:
    def __eq__(self, o): return True
print(AlwaysEq() == 1, 1 == AlwaysEq(), AlwaysEq() != 1)
class RetStr:
    def __lt__(self, o): return "truthy string"
print(RetStr() < 1, sorted([3, 1, 2]))
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print(e)
print([N(2), N(1)].index(N(1)) if False else "skip")
