# generator return values via StopIteration.value and yield from
def g():
    yield 1
    return "ret"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(repr(e.value), e.args)
def outer():
    r = yield from g()
    print("inner returned", r)
    r2 = yield from []
    print("empty returned", r2)
    return "outer done"
gen = outer()
print(list(gen))
gen = outer()
while True:
    try:
        print("val", next(gen))
    except StopIteration as e:
        print("stop", e.value)
        break
def ret_none():
    return
    yield
print(list(ret_none()))
def ret_tuple():
    yield
    return (1, 2)
x = ret_tuple(); next(x)
try:
    next(x)
except StopIteration as e:
    print(e.value, e.args)
