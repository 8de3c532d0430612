# Coroutine send/throw/close, reuse errors and StopIteration conversion.
class Suspend:
    def __await__(self):
        return (yield "suspended")

async def worker():
    try:
        print("worker start")
        v = await Suspend()
        print("worker got", v)
        await Suspend()
    except ValueError as e:
        print("worker caught", repr(e))
        await Suspend()
        return "recovered"
    finally:
        print("worker finally")

c = worker()
print(c.send(None))
print(c.send("hello"))
print(c.throw(ValueError("injected")))
try:
    c.send(None)
except StopIteration as e:
    print("done:", e.value)

# reusing a finished coroutine
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# close() runs finally blocks
c2 = worker()
c2.send(None)
c2.close()
print("closed; cr_suspended =", c2.cr_suspended)

# throw() into a coroutine that doesn't handle it
c3 = worker()
c3.send(None)
try:
    c3.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))

# send non-None to a just-started coroutine
async def f():
    return 1
c4 = f()
try:
    c4.send(5)
except TypeError as e:
    print("TypeError:", e)
c4.close()

# StopIteration inside a coroutine becomes RuntimeError
async def bad():
    raise StopIteration("oops")
try:
    bad().send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

# awaiting the same coroutine twice
async def once():
    await Suspend()
async def twice(c):
    await c
co = once()
d1 = twice(co)
d1.send(None)
d2 = twice(co)
try:
    d2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
d1.close()
d2.close()
