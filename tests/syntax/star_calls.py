# star and double-star unpacking in calls
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), 4))
print(f(**{"a": 1}, **{"b": 2}, c=3))
print(f(1, *range(2), x=1, **{"y": 2}))
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*[1, 2, 3]))
print(g(1, *[2], **{"c": 3}))
print(g(**{"c": 1, "b": 2, "a": 3}))
try:
    g(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
try:
    g(*[1, 2], b=5)
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)
try:
    f(**5)
except TypeError as e:
    print(e)
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
