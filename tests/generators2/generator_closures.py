# generators closing over variables and generator factories
def make_counter(step):
    def gen(n):
        for i in range(n):
            yield i * step
    return gen
by3 = make_counter(3)
print(list(by3(4)), list(make_counter(-1)(3)))
def cycle(items):
    saved = list(items)
    while saved:
        for x in saved:
            yield x
c = cycle("ab")
print([next(c) for _ in range(5)])
def windows(seq, n):
    for i in range(len(seq) - n + 1):
        yield seq[i:i + n]
print(list(windows([1, 2, 3, 4, 5], 3)), list(windows("abc", 4)))
gens = [(x * k for x in range(3)) for k in range(3)]
print([list(g) for g in gens])
