# Async comprehensions and comprehensions containing await.
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

class Tick:
    def __await__(self):
        yield

async def agen(n):
    for i in range(n):
        await Tick()
        yield i

async def double(x):
    await Tick()
    return x * 2

async def main():
    print([x async for x in agen(4)])
    print({x % 2 async for x in agen(5)})
    print({x: x * x async for x in agen(3)})
    print([x async for x in agen(6) if x % 2])
    print([await double(x) for x in range(3)])
    print([(x, y) async for x in agen(2) for y in "ab"])
    g = (x * 10 async for x in agen(3))
    print(type(g).__name__)
    print([v async for v in g])
    print([[i + j async for i in agen(2)] for j in [10, 20]])
    print({j: [await double(i) for i in range(j)] for j in range(3)})
    return "ok"

print(drive(main()))
try:
    compile("def f():\n    return [x async for x in y]\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("def f():\n    await x\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("await x\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("async def f():\n    yield from x\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("async def f():\n    yield 1\n    return 2\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
