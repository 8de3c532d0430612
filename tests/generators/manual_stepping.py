# Infinite generators stepped manually (no itertools): take, drop, pipelines of generators.
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for _ in range(n):
        out.append(next(it))
    return out
def filt(pred, it):
    for x in it:
        if pred(x):
            yield x
def mapg(f, it):
    for x in it:
        yield f(x)
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(take(10, naturals()))
print(take(15, primes()))
print(take(5, mapg(lambda x: x ** 2, filt(lambda x: x % 3 == 0, naturals()))))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:20], len(list(collatz(27))))
def windows(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == k:
            yield tuple(buf)
            buf.pop(0)
print(list(windows(range(6), 3)))
