# Generator send(): running averages, coroutine-like accumulator, first send must be None.
def averager():
    total, count, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
print(next(a))
for v in (10, 20, 30, 5):
    print(a.send(v))
def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            break
        received.append(v)
    yield received
e = echo()
print(next(e), e.send("a"), e.send("b"), e.send(None))
g = averager()
try:
    g.send(1)
except TypeError as err:
    print("TypeError", err)
