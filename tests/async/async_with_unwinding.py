# break/continue/return leaving async with blocks inside async for loops await __aexit__.
class Tick:
    def __await__(self):
        yield "tick"

class Ctx:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("  enter", self.name)
        return self.name
    async def __aexit__(self, *exc):
        await Tick()
        print("  exit", self.name, "exc" if exc[0] else "clean")
        return False

class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1

async def find(target):
    async for i in ARange(10):
        async with Ctx(f"item{i}"):
            if i == 1:
                continue
            if i == target:
                return f"found {i}"
            if i > 4:
                break
            print("  body", i)
    return "not found"

async def nested():
    total = 0
    async for i in ARange(3):
        async for j in ARange(3):
            async with Ctx(f"{i},{j}") as name:
                if j == 1:
                    break
                total += 1
    return total

def drive(c):
    ticks = 0
    try:
        while True:
            c.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks

print(drive(find(3)))
print(drive(find(99)))
print(drive(nested()))
