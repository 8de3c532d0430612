# generator send(): first send must be None, values flow both ways
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return "final " + str(total)
g = acc()
print(next(g))
print(g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
g2 = acc()
try:
    g2.send(1)
except TypeError as e:
    print(e)
g3 = acc()
print(g3.send(None))
