# Generators keep local state between resumptions; multiple independent instances interleaved.
def counter(name, step):
    total = 0
    while True:
        total += step
        yield f"{name}:{total}"
a, b = counter("a", 1), counter("b", 10)
for _ in range(3):
    print(next(a), next(b))
def running_max(xs):
    m = None
    for x in xs:
        if m is None or x > m:
            m = x
        yield m
print(list(running_max([3, 1, 4, 1, 5, 9, 2, 6])))
def pairs(xs):
    it = iter(xs)
    for a in it:
        b = next(it, None)
        yield (a, b)
print(list(pairs(range(7))))
def chunked(s, n):
    for i in range(0, len(s), n):
        yield s[i:i + n]
print(list(chunked("abcdefghij", 3)))
