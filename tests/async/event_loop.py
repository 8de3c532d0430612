# A small round-robin event loop running several coroutines.
class Yield:
    def __await__(self):
        yield "yield"

class Loop:
    def __init__(self):
        self.ready = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready:
            name, coro = self.ready.pop(0)
            try:
                coro.send(None)
            except StopIteration as e:
                self.results[name] = e.value
                print(f"[{name}] done -> {e.value!r}")
            except Exception as e:
                self.results[name] = e
                print(f"[{name}] failed -> {type(e).__name__}: {e}")
            else:
                self.ready.append((name, coro))
        return self.results

async def counter(name, n):
    total = 0
    for i in range(n):
        print(f"{name} tick {i}")
        total += i
        await Yield()
    return total

async def failing():
    await Yield()
    raise ValueError("boom")

async def nested():
    a = await counter("sub", 2)
    try:
        await failing()
    except ValueError as e:
        print("nested caught", e)
    return a

loop = Loop()
loop.spawn("A", counter("A", 3))
loop.spawn("B", counter("B", 2))
loop.spawn("C", failing())
loop.spawn("D", nested())
res = loop.run()
print(sorted((k, repr(v)) for k, v in res.items()))
