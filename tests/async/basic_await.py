# await on custom awaitables and coroutines driven with send().
class Sleep:
    """An awaitable that suspends once, yielding a message to the driver."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield ("sleep", self.tag)
        return f"woke {self.tag} with {got}"

async def inner(x):
    r = await Sleep(x)
    print("inner got:", r)
    return x * 2

async def outer():
    a = await inner(1)
    b = await inner(2)
    print("a + b =", a + b)
    return a + b

def run(coro):
    value = None
    step = 0
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            print("finished with", e.value)
            return e.value
        step += 1
        print("step", step, "request", req)
        value = f"reply{step}"

c = outer()
print(type(c).__name__)
print(c.__name__, c.__qualname__)
print(run(c))

async def no_await():
    return "immediate"
try:
    no_await().send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)

# awaiting a coroutine's __await__ iterator manually
async def simple():
    await Sleep("s")
    return 7
w = simple().__await__()
print(next(w))
try:
    w.send("x")
except StopIteration as e:
    print("wrapper done", e.value)
