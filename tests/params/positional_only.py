# positional-only parameters and their errors
def f(a, b, /, c, *, d):
    return (a, b, c, d)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
for call in [lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3), lambda: f(a=1, b=2, c=3, d=4)]:
    try:
        call()
    except TypeError as e:
        print(e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def h(a, b=2, /, c=3):
    return a, b, c
print(h(1), h(1, 5), h(1, c=9))
