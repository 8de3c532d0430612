# aclose() runs finally blocks that await; values yielded from finally are an error.
def drive(c):
    try:
        while True:
            print("  driver saw", c.send(None))
    except StopIteration as e:
        return e.value

class Tick:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        yield self.tag

async def tidy():
    try:
        yield 1
        yield 2
    finally:
        await Tick("cleanup-await")
        print("tidy finally done")

async def stubborn():
    try:
        yield 1
    finally:
        yield "refuse"

async def main():
    t = tidy()
    print("first:", await t.__anext__())
    await t.aclose()
    print("aclose done; again:", await t.aclose())
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await t.__anext__()
    except StopAsyncIteration:
        print("closed generator is exhausted")
    return "ok"

print(drive(main()))
