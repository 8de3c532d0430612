# Keyword-only and positional-only parameters, and the errors when misused.
def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
tests = [
    lambda: f(1, 2, 3, 4),
    lambda: f(a=1, b=2, c=3, d=4),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, 3, d=4, z=0),
    lambda: f(1, 2, 3, d=4, c=5),
    lambda: f(1),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError", e)
def g(*, only):
    return only
print(g(only="kw"))
try:
    g("pos")
except TypeError as e:
    print("TypeError", e)
def h(x, /, **kw):
    return x, kw
print(h(1, x=2))
