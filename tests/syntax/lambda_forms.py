# lambdas with defaults, keyword-only, varargs, closures
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=3))
va = lambda *a, **k: (a, sorted(k.items()))
print(va(1, 2, x=3, y=4))
kw = lambda a, *, b: a - b
print(kw(10, b=3))
try:
    kw(1, 2)
except TypeError as e:
    print(e)
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(100) for f in fs])
fs2 = [lambda x: x + i for i in range(3)]
print([f(100) for f in fs2])
print((lambda: 42)())
print((lambda x: (lambda y: x * y))(6)(7))
print(add.__name__, (lambda: 0).__name__)
srt = sorted(["bb", "a", "ccc"], key=lambda s: -len(s))
print(srt)
po = lambda a, /, b: (a, b)
print(po(1, b=2))
try:
    po(a=1, b=2)
except TypeError as e:
    print(e)
