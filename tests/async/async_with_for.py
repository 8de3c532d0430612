# async with / async for, including suppression, break/continue and return.
class Tick:
    def __await__(self):
        yield "tick"

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("enter", self.name)
        await Tick()
        return self
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        await Tick()
        return self.suppress

class ARange:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        self.i = 0
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Tick()
        self.i += 1
        return self.i - 1

async def main():
    async with Resource("r1") as r:
        print("inside", r.name)
    async with Resource("r2", suppress=True):
        raise KeyError("hidden")
    print("after suppressed")
    try:
        async with Resource("r3"):
            raise ValueError("visible")
    except ValueError as e:
        print("caught", e)
    async with Resource("a") as a, Resource("b") as b:
        print("both", a.name, b.name)
    total = 0
    async for i in ARange(4):
        print("item", i)
        total += i
    else:
        print("loop else")
    async for i in ARange(10):
        if i == 2:
            break
        if i == 0:
            continue
        print("partial", i)
    return total

async def ret_inside():
    async with Resource("ret"):
        return "returned from inside"

def run(c):
    n = 0
    while True:
        try:
            c.send(None)
            n += 1
        except StopIteration as e:
            print("result", e.value, "after", n, "ticks")
            return

run(main())
run(ret_inside())
