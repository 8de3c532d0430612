# yield from collects return values of nested generators (accumulating sum)
def leaf(n):
    total = 0
    for i in range(n):
        got = yield i
        total += got if got else 0
    return total
def branch():
    a = yield from leaf(2)
    b = yield from leaf(3)
    return a + b
def root():
    r = yield from branch()
    yield f"branch total {r}"
g = root()
vals = [next(g)]
try:
    while True:
        vals.append(g.send(10))
except StopIteration:
    pass
print(vals)
