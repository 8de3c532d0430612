# __dict__ manipulation, attribute deletion, and dynamic attribute names
class Bag:
    pass
b = Bag()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(b, name, i)
print(sorted(vars(b).items()))
b.__dict__.update({"delta": 3})
print(b.delta, getattr(b, "gamma"))
del b.__dict__["alpha"]
print(hasattr(b, "alpha"))
b.__dict__ = {"replaced": True}
print(vars(b))
try:
    b.__dict__ = 5
except TypeError as e:
    print(e)
setattr(b, "with space", 1)
print(getattr(b, "with space"), sorted(vars(b)))
