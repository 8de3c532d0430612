# Exceptions crossing generator frames: raised inside generator, thrown in, finally in generator on close.
def gen():
    try:
        yield 1
        yield 2
        raise ValueError("from gen")
    finally:
        print("gen finally")
g = gen()
print(next(g), next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted"))
def catcher():
    while True:
        try:
            x = yield
            print("got", x)
        except KeyError as e:
            print("gen handled", repr(e))
            yield "recovered"
c = catcher()
next(c)
c.send(1)
print(c.throw(KeyError("k")))
next(c)
c.send(2)
c.close()
print("closed")
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
cl = closer()
next(cl)
cl.close()
def stopper():
    yield 1
    return "retval"
s = stopper()
next(s)
try:
    next(s)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
