# async methods, static/class methods, closures and recursion in coroutines.
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

class Step:
    def __await__(self):
        yield

class Counter:
    def __init__(self):
        self.n = 0
    async def bump(self, by=1):
        await Step()
        self.n += by
        return self.n
    @staticmethod
    async def static_add(a, b):
        return a + b
    @classmethod
    async def make(cls):
        c = cls()
        await c.bump(10)
        return c

async def main():
    c = await Counter.make()
    print("made with", c.n)
    print(await c.bump(), await c.bump(5))
    print("static", await Counter.static_add(2, 3))

    def make_adder(k):
        async def add(x):
            await Step()
            return x + k
        return add
    add5 = make_adder(5)
    print("closure", await add5(1), add5.__qualname__)

    async def fact(n):
        if n <= 1:
            return 1
        return n * await fact(n - 1)
    print("fact", await fact(10))

    results = []
    for i in range(3):
        results.append(await add5(i))
    print("loop", results)
    return "ok"

print(drive(main()))
c = Counter().bump(1)
print(Counter.bump.__qualname__, type(c).__name__)
c.close()
