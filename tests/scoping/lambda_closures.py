# lambdas capturing loop variables, default-argument capture, nested lambdas
adders = [lambda x, n=n: x + n for n in range(4)]
print([f(10) for f in adders])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def make():
    k = 3
    return lambda: k * 2
f = make()
print(f(), f.__closure__[0].cell_contents)
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
y = 10
g = lambda: y
y = 20
print(g())
