# The "coroutine was never awaited" RuntimeWarning (printed once per line).
async def job(n):
    return n

async def main():
    c = job(1)
    print("created", type(c).__name__)
    del c
    print("after del")
    for i in range(3):
        job(i)
    print("loop done")
    return "main done"

try:
    main().send(None)
except StopIteration as e:
    print(e.value)
