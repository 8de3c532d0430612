# The first run of a native generator takes the quick path (no sent value, exchange
# record set at creation) when nothing is handled and no value is sent: every case that
# must still go the slow way, and what the first run can observe.
import sys


def state(g):
    """The generator's state as inspect names it (inspect itself is not imported)."""
    if g.gi_running:
        return "GEN_RUNNING"
    if g.gi_suspended:
        return "GEN_SUSPENDED"
    if g.gi_frame is None:
        return "GEN_CLOSED"
    return "GEN_CREATED"


def simple(n):
    for i in range(n):
        yield i


def watcher():
    g = yield state(me[0])
    yield me[0].gi_running


me = [None]
me[0] = watcher()
print(state(me[0]), next(me[0]), me[0].send(None))

g = simple(3)
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
print(list(g))


def handled_inside():
    yield sys.exc_info()[0]
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


try:
    raise ValueError("outer")
except ValueError:
    h = handled_inside()
    print(next(h).__name__)  # first run with something handled: the slow path
print(next(h).__name__, next(h))

h2 = handled_inside()
print(next(h2))
try:
    raise IndexError("i")
except IndexError:
    print(next(h2).__name__, next(h2).__name__)


def many_locals(a, b, c, d, e, f, g, h, i, j):
    k = a + b + c + d + e + f + g + h + i + j
    frame_locals = sys._getframe(0).f_locals
    yield sorted(frame_locals)[:4], k
    caller = sys._getframe(1)
    yield caller.f_code.co_name


def driver():
    m = many_locals(*range(10))
    print(sorted(m.gi_frame.f_locals)[:3], m.gi_frame.f_code.co_name)
    print(next(m), next(m))


driver()


def stops_first():
    raise StopIteration(7)
    yield 1


try:
    next(stops_first())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def fails_first():
    1 / 0
    yield 1


ff = fails_first()
try:
    next(ff)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, state(ff))


def returns_first():
    return "done"
    yield


r = returns_first()
try:
    r.send(None)
except StopIteration as e:
    print("StopIteration", e.value)


def sub():
    x = yield "sub-first"
    return x


def outer():
    r = yield from sub()
    yield ("outer got", r)


o = outer()
print(next(o), o.send("v"))

depth = 0


def nest(n):
    if n:
        yield from nest(n - 1)
    yield n


sys.setrecursionlimit(60)
try:
    print(sum(nest(100)))
except RecursionError as e:
    print("RecursionError")
sys.setrecursionlimit(1000)
print(sum(nest(20)))

closed = simple(2)
closed.close()
print(state(closed), list(closed))
thrown = simple(2)
try:
    thrown.throw(KeyError("t"))
except KeyError as e:
    print("KeyError", e, list(thrown))
