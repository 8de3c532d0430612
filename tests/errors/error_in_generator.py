# Uncaught exception raised inside a generator while being consumed by a for loop.
def numbers():
    yield 1
    yield 2
    raise RuntimeError("generator broke")
for n in numbers():
    print("got", n)
