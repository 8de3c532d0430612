# generator throw() and close(), GeneratorExit handling
def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside", e)
        yield "recovered"
    finally:
        print("cleanup")
g = gen()
print(next(g))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration:
    print("exhausted")
g = gen()
print(next(g))
g.close()
print("closed")
g.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "no"
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
g = gen()
try:
    g.throw(KeyError("unstarted"))
except KeyError as e:
    print("propagated", repr(e))
print(list(g))
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("got", type(e).__name__)
c = catcher()
next(c)
c.throw(TypeError)
c.throw(IndexError("x"))
c.close()
