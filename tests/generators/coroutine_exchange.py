# Coroutines and async generators share the native resume machinery: values on the
# stack across an await, send/throw/close through the awaitable, asend/athrow.


class ask:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


class Awaitable:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield ("aw", self.tag)
        return got * 2


async def work(k):
    a = max(k, await ask("first"), 0)
    b = [k, await Awaitable("second"), k]
    try:
        c = 1 + await ask("third")
    except LookupError as e:
        c = "handled %r" % e
    return a, b, c


c = work(3)
print(c.send(None))
print(c.send(10))
print(c.send(21))
try:
    c.throw(KeyError("x"))
except StopIteration as e:
    print("returned", e.value)

c = work(1)
print(c.send(None), c.send(0), c.send(0))
try:
    c.send(41)
except StopIteration as e:
    print("returned", e.value)

c = work(0)
c.send(None)
c.close()
print("closed", c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def agen(n):
    total = 0
    for i in range(n):
        got = await ask(("step", i))
        total += got
        received = yield (i, total)
        if received:
            total += received
    yield "final", total


def drive(aw, answers):
    """Runs awaitable `aw`, answering each value it yields from `answers`."""
    it = iter(answers)
    try:
        v = aw.send(None)
        while True:
            print("  awaiting", v)
            v = aw.send(next(it))
    except StopIteration as e:
        return e.value


ag = agen(2)
print(drive(ag.asend(None), [5]))
print(drive(ag.asend(100), [6]))
print(drive(ag.asend(None), []))
try:
    drive(ag.athrow(ValueError("into agen")), [])
except ValueError as e:
    print("ValueError:", e)
try:
    drive(ag.asend(None), [])
except StopAsyncIteration:
    print("StopAsyncIteration")
