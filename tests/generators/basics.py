# Generator basics: lazy evaluation order, next(), exhaustion, reuse, generator state.
def gen(n):
    print("start")
    for i in range(n):
        print("yielding", i)
        yield i
    print("end")
g = gen(3)
print("created")
print(next(g))
print(next(g))
print(list(g))
print(list(g), next(g, "empty"))
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
s = squares()
print([next(s) for _ in range(10)])
print(type(g).__name__, iter(g) is g)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
for _ in range(15):
    print(next(f), end=" ")
print()
