# generator pipelines and lazy evaluation
def numbers():
    n = 0
    while True:
        print("produce", n)
        yield n
        n += 1
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def take(n, src):
    for i, v in enumerate(src):
        if i >= n:
            return
        yield v
print(list(take(3, evens(numbers()))))
sq = (x * x for x in range(5))
filt = (x for x in sq if x > 3)
print(next(filt), list(filt))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([v for _, v in zip(range(15), fib())])
words = "the quick brown fox".split()
lens = map(len, words)
print(sorted(zip(lens, words)))
