# yield as an expression in various positions
def g():
    x = yield 1
    print("x =", x)
    y = (yield x) * 2 if x else 0
    print("y =", y)
    lst = [(yield "a"), (yield "b")]
    print("lst =", lst)
    return sum(lst)
it = g()
print(next(it))
print(it.send(10))
print(it.send(4))
print(it.send(100))
try:
    it.send(200)
except StopIteration as e:
    print("returned", e.value)
def bare():
    yield
    yield None
print(list(bare()))
