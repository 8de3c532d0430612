# __hash__ / __eq__ rules: defining __eq__ disables hashing, explicit __hash__
class OnlyEq:
    def __eq__(self, o): return True
print(OnlyEq.__hash__)
try:
    hash(OnlyEq())
except TypeError as e:
    print(e)
try:
    {OnlyEq()}
except TypeError as e:
    print(e)
class Both:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, Both) and self.k == o.k
    def __hash__(self): return hash(self.k)
s = {Both(1), Both(1), Both(2)}
print(len(s), Both(1) in s)
d = {Both(5): "five"}
print(d[Both(5)])
class Unhash:
    __hash__ = None
try:
    hash(Unhash())
except TypeError as e:
    print(e)
class Inherit(Both):
    pass
print(hash(Inherit(3)) == hash(3))
class EqInSub(Both):
    def __eq__(self, o): return False
print(EqInSub.__hash__)
class BadHash:
    def __hash__(self): return "str"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
print(hash(1) == hash(1.0) == hash(True), hash(-1), hash((1, 2)) == hash((1, 2)))
