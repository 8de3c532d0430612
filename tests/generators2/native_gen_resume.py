# Native generator resume: send/throw/close at each suspension point, yield from
# delegation, locals and stack values kept across yields, PEP 479, gi_running.
import sys

def counter(n):
    total = 0
    for i in range(n):
        got = yield i, total
        if got is not None:
            total += got
    return total

g = counter(4)
print(next(g), g.send(10), g.send(5), next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

def stack_across_yield():
    # values live on the operand stack across the yields
    return [(yield 1), (yield 2), (yield 3)]

def drive(gen, values):
    out = [next(gen)]
    try:
        for v in values:
            out.append(gen.send(v))
    except StopIteration as e:
        out.append(("ret", e.value))
    return out

print(drive(stack_across_yield(), "abc"))
print(drive((x * 2 for x in range(3)), [None] * 4))

def guarded():
    while True:
        try:
            v = yield "ready"
            print("got", v)
        except KeyError as e:
            print("handled KeyError", e)
        except GeneratorExit:
            print("exit requested")
            raise
        finally:
            print("finally")

g = guarded()
print(next(g))
print(g.send(1))
print(g.throw(KeyError("k")))
g.close()
print("closed", g.gi_running, g.gi_frame)

def inner():
    try:
        x = yield "inner1"
        print("inner got", x)
        yield "inner2"
    except ValueError as e:
        print("inner caught", e)
        yield "inner-recovered"
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer-done"

g = outer()
print(next(g), g.send("s"), g.throw(ValueError("boom")), next(g))
try:
    next(g)
except StopIteration:
    print("outer finished")

def unhandled():
    yield 1
    yield 2

g = unhandled()
next(g)
try:
    g.throw(IndexError("thrown"))
except IndexError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("traceback lines", lines)
print(next(g, "exhausted"))

def pep479():
    yield 1
    next(iter([]))

try:
    list(pep479())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def running():
    yield g2.gi_running

g2 = running()
print(next(g2))

def reenter():
    yield next(g3)

g3 = reenter()
try:
    next(g3)
except ValueError as e:
    print(e)

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2

g = ignore_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)

def cleanup_on_error():
    try:
        yield 1
        yield 2
    finally:
        print("producer cleanup")

def consumer():
    for x in cleanup_on_error():
        if x == 1:
            raise ValueError("consumer failed")

try:
    consumer()
except ValueError as e:
    print("caught", e, sys.exc_info()[0].__name__)

def deep(n):
    if n:
        yield from deep(n - 1)
    yield n

print(list(deep(20)))
g = unhandled()
next(g)
g.throw(TypeError("uncaught at the yield"))
