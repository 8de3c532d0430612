# Async generators: async for, asend/athrow/aclose, awaiting inside the body.
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

class Tick:
    def __await__(self):
        yield "tick"

async def countdown(n):
    try:
        while n > 0:
            await Tick()
            got = yield n
            if got is not None:
                print("  countdown received", got)
            n -= 1
    finally:
        print("  countdown cleanup")

async def main():
    async for v in countdown(3):
        print("value", v)
    ag = countdown(5)
    print(type(ag).__name__, ag.__name__)
    print("anext:", await ag.__anext__())
    print("asend:", await ag.asend("hello"))
    try:
        await ag.athrow(ValueError("stop"))
    except ValueError as e:
        print("athrow propagated:", e)
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("exhausted after athrow")
    ag2 = countdown(5)
    await ag2.__anext__()
    await ag2.aclose()
    print("closed")
    ag3 = countdown(1)
    print([x async for x in ag3])
    return "done"

print(drive(main()))

async def catcher():
    try:
        yield 1
    except KeyError as e:
        print("  caught in generator:", repr(e))
        yield "recovered"

async def use_catcher():
    g = catcher()
    print(await g.__anext__())
    print(await g.athrow(KeyError("k")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("catcher done")

drive(use_catcher())

async def bad_stop():
    yield 1
    raise StopAsyncIteration

async def use_bad():
    try:
        async for x in bad_stop():
            print("got", x)
    except RuntimeError as e:
        print("RuntimeError:", e)

drive(use_bad())
