# yield from: delegation, return value of subgenerator, nested delegation, sending through.
def inner():
    yield 1
    yield 2
    return "inner-done"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield from range(3)
    return "outer-done"
print(list(outer()))
def tree(node):
    if isinstance(node, list):
        for c in node:
            yield from tree(c)
    else:
        yield node
print(list(tree([1, [2, [3, 4], []], [[5]], 6])))
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def wrapper():
    result = yield from acc()
    yield f"final {result}"
w = wrapper()
print(next(w), w.send(5), w.send(7), w.send(None))
