# Lambdas: immediate call, defaults, closures over loop vars, in sort keys, returning lambdas.
sq = lambda x: x * x
print(sq(7), (lambda: "nil")(), (lambda a, b=2, *c, **d: (a, b, c, d))(1, 3, 4, k=5))
adders = [lambda x, n=n: x + n for n in range(4)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(4)]
print([f(10) for f in late])
make = lambda k: (lambda x: x * k)
print(make(3)(5), list(map(lambda t: t[::-1], [(1, 2), (3, 4)])))
print(sorted([-3, 1, -2], key=lambda v: (abs(v), v)), (lambda *a: sum(a))(1, 2, 3))
print(sq.__name__, (lambda: 0).__name__)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
