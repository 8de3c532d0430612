# Semantics the fast resumption of native generators must keep (generator.rs
# `send_quick`): handled-exception state across yields, errors and returns out of
# `yield from` chains delegated without entering the delegating body, re-entrance,
# gi_running / gi_frame / f_locals while delegating, throw/close into a chain.
import sys
import traceback


def leaf(n):
    for i in range(n):
        yield i
    return "leaf-done"


def middle(n):
    r = yield from leaf(n)
    yield ("middle got", r)
    return "middle-done"


def top(n):
    r = yield from middle(n)
    yield ("top got", r)


print(list(top(3)))
print(sum(x for x in top(4) if isinstance(x, int)))


# exception state: a generator suspended inside an except block keeps its exception,
# the consumer's own handled exception is untouched
def in_except():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]


g = in_except()
print(repr(next(g)), repr(sys.exc_info()[1]))
try:
    raise ValueError("outer")
except ValueError:
    print(repr(next(g)), repr(sys.exc_info()[1]))
print(repr(next(g)), repr(sys.exc_info()[1]))
for v in in_except():
    print("for", repr(v), repr(sys.exc_info()[1]))


# an error raised deep in a yield-from chain: traceback shows every level
def bad_leaf():
    yield 1
    raise ValueError("deep")


def bad_mid():
    yield from bad_leaf()


def bad_top():
    yield from bad_mid()


try:
    for v in bad_top():
        print("got", v)
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("caught", e, [f.name for f in tb])


# the delegating generator catches its sub-generator's error and carries on
def catching():
    try:
        yield from bad_leaf()
    except ValueError as e:
        yield ("caught", str(e))
    yield "after"


print(list(catching()))


# StopIteration raised inside a delegated sub-generator: RuntimeError (PEP 479)
def stop_leaf():
    yield 1
    raise StopIteration("x")


def stop_top():
    yield from stop_leaf()


try:
    print(list(stop_top()))
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)


# re-entrance while delegating: the sub-generator resumes the outer one
outer_ref = []


def reenter_leaf():
    yield 1
    try:
        next(outer_ref[0])
    except ValueError as e:
        yield ("ValueError", str(e))
    yield ("running", outer_ref[0].gi_running)


def reenter_top():
    yield from reenter_leaf()


g = reenter_top()
outer_ref.append(g)
print(list(g))
print("after", g.gi_running)


# f_locals and gi_frame of a delegating generator while its sub-generator runs
def peek_leaf():
    f = sys._getframe(1)
    yield (f.f_code.co_name, sorted(k for k in f.f_locals if not k.startswith("_")))
    yield f.f_locals.get("marker")


def peek_top():
    marker = "top-local"
    yield from peek_leaf()
    yield marker


g = peek_top()
print(next(g))
print(next(g), g.gi_frame.f_code.co_name, g.gi_yieldfrom is not None)
print(next(g), g.gi_yieldfrom)


# throw() and close() into a chain after fast steps
def guarded_leaf(log):
    try:
        while True:
            yield "tick"
    except KeyError as e:
        log.append(("leaf caught", str(e)))
        yield "recovered"
    finally:
        log.append("leaf finally")


def guarded_top(log):
    try:
        yield from guarded_leaf(log)
    finally:
        log.append("top finally")


log = []
g = guarded_top(log)
print(next(g), next(g), g.send(None))
print(g.throw(KeyError("k")))
g.close()
print(log)

log = []
g = guarded_top(log)
next(g)
del g
print(log)


# a sub-generator finished by someone else: the delegating one gets None back
def shared_sub():
    yield "a"
    yield "b"
    return "sub-ret"


sub = shared_sub()


def uses_shared():
    r = yield from sub
    yield ("returned", r)


g = uses_shared()
print(next(g))
print(list(sub))
print(list(g))


# sending values down a chain
def echo():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def relay():
    r = yield from echo()
    yield ("relay", r)


g = relay()
next(g)
print(g.send(5), g.send(7), g.send(None))


# many generators alive at once, each stepped through the fast path
gens = [leaf(3) for _ in range(5)]
print([next(x) for x in gens], [next(x) for x in gens])
print([list(x) for x in gens])


# a generator's frame in a traceback raised from its body after fast steps
def fails_later(n):
    for i in range(n):
        yield i
    1 / 0


try:
    for v in fails_later(3):
        pass
except ZeroDivisionError:
    print([f.name for f in traceback.extract_tb(sys.exc_info()[2])])


# gi_running seen from the body, stepped by a for loop and by sum()
def self_aware():
    for _ in range(2):
        yield me[0].gi_running


me = [None]
me[0] = self_aware()
print(list(me[0]))
me[0] = self_aware()
print(sum(me[0]))


# a consumer iterating while it handles an exception: the generator sees it as context
def sees_context():
    yield repr(sys.exc_info()[1])
    try:
        raise IndexError("own")
    except IndexError:
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


try:
    raise OSError("consumer")
except OSError:
    print([v for v in sees_context()], repr(sys.exc_info()[1]))
