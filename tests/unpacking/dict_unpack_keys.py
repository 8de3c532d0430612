# ** unpacking details: key order, duplicate keys, non-string keys in displays
a = {1: "one", 2: "two"}
b = {2: "TWO", 3: "three"}
print({**a, **b})
print({**b, **a})
print({0: "zero", **a, 1: "uno"})
class M:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print({**M()})
def f(**kw):
    return kw
print(f(**M()))
print(dict(**{"a": 1}, b=2))
try:
    f(**{"a": 1}, a=2)
except TypeError as e:
    print(e)
