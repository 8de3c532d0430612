# keyword-only parameters with and without defaults
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=0, b=5))
for call in [lambda: f(1), lambda: f(1, 2), lambda: f(1, b=2, d=4), lambda: f(b=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
def g(*args, key=None):
    return args, key
print(g(), g(1, 2), g(1, key="k"))
def h(*, x, y):
    return x - y
print(h(y=1, x=10))
try:
    h(1, 2)
except TypeError as e:
    print(e)
