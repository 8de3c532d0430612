"""exec/eval of the code object of a generator, coroutine or async generator function:
CPython builds the generator object instead of running the body (exec discards it,
eval returns it), and code needing arguments or a closure raises the call's TypeError."""

ran = []


def gen():
    ran.append("gen body")
    yield 1
    yield counter


counter = 10

print(exec(gen.__code__), ran)
g = eval(gen.__code__)
print(type(g).__name__, g.__name__, g.__qualname__, ran)
print(list(g), ran)

# the generator sees the globals exec was given
ns = {"counter": 99, "ran": []}
g2 = eval(gen.__code__, ns)
print(list(g2), ns["ran"], ran)


async def co():
    ran.append("co body")
    return 5


c = eval(co.__code__)
print(type(c).__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value, ran)


async def agen():
    yield "a"


ag = eval(agen.__code__)
print(type(ag).__name__, ag.__qualname__)



def takes(x, y=2):
    yield x


def star(*args, **kw):
    yield args
    yield kw


def outer():
    v = 1

    def inner():
        yield v
    return inner


for code in (takes.__code__, outer().__code__):
    for run in (exec, eval):
        try:
            run(code)
        except TypeError as e:
            print(run.__name__, "TypeError:", e)

print(list(eval(star.__code__)))


def plain(a, *, b):
    return a + b


try:
    exec(plain.__code__)
except TypeError as e:
    print("TypeError:", e)
print("done")
