# **kwargs dict is fresh per call; mutable default pitfalls
def f(**kw):
    kw["added"] = True
    return kw
base = {"x": 1}
print(f(**base), base)
def g(x, acc=[]):
    acc.append(x)
    return acc
print(g(1), g(2), g(3, []), g(4))
def h(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(h(1), h(2))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
print(order(**{"b": 1}, a=2))
