# send(None) is equivalent to next(); values of yield when using next()
def echo():
    received = []
    while len(received) < 4:
        v = yield len(received)
        received.append(v)
    return received
g = echo()
print(g.send(None), next(g), g.send("x"), next(g))
try:
    g.send("last")
except StopIteration as e:
    print(e.value)
