"""`yield from` chains of generators resumed level by level in one loop (issue 9,
session 14): values, return values of finished sub-generators, exceptions, throw/close,
gi_running/gi_frame/gi_yieldfrom of every level, frames seen from the innermost body,
chains longer than the loop's fixed levels, and the recursion limit."""
import sys
import traceback


def leaf(tag, n):
    for i in range(n):
        got = yield (tag, i)
        if got is not None:
            print("leaf got", got)
    return ("leaf-ret", tag)


def mid(tag, n):
    r = yield from leaf(tag, n)
    print("mid saw", r)
    r2 = yield from leaf(tag + "'", 1)
    return ("mid-ret", r, r2)


def top():
    r = yield from mid("a", 2)
    print("top saw", r)
    yield "top-end"


print(list(top()))
g = top()
print(next(g), g.send("hello"), next(g), next(g))


# a deep recursive chain (longer than the loop's fixed levels): values in order
def tree(depth):
    if depth > 0:
        yield from tree(depth - 1)
        yield depth
        yield from tree(depth - 1)


print(sum(tree(10)), list(tree(3)))


def chain(depth):
    if depth == 0:
        yield "bottom"
        yield "again"
        return "r0"
    r = yield from chain(depth - 1)
    return (depth, r)


for d in (1, 5, 23, 24, 25, 40, 60):
    g = chain(d)
    vals = [next(g), next(g)]
    try:
        next(g)
    except StopIteration as e:
        v = e.value
        while isinstance(v, tuple):
            v = v[1]
        print(d, vals, v)


# what the innermost body sees while the chain runs
def watcher(outer_ref):
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    yield names[:6], outer_ref[0].gi_running, outer_ref[0].gi_frame is not None
    try:
        next(outer_ref[0])
    except ValueError as e:
        yield "ValueError: " + str(e)


def level1(ref):
    yield from watcher(ref)


def level2(ref):
    yield from level1(ref)


ref = [None]
g = level2(ref)
ref[0] = g
print(next(g))
print(next(g))
print(g.gi_running, g.gi_yieldfrom.__name__, g.gi_yieldfrom.gi_yieldfrom.__name__)


# an exception raised at the bottom goes up through every level, with their lines
def bottom_raises():
    yield 1
    raise KeyError("deep")


def wrap(depth):
    if depth == 0:
        yield from bottom_raises()
    else:
        yield from wrap(depth - 1)


for d in (2, 30):
    g = wrap(d)
    next(g)
    try:
        next(g)
    except KeyError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(d, repr(e), len(tb), tb[-1].name, tb[-1].lineno, tb[1].lineno)
    print(g.gi_frame)


# an exception caught by a middle level, which then yields and returns
def catcher():
    try:
        yield from bottom_raises()
    except KeyError as e:
        yield "caught " + str(e)
    return "catcher-done"


def above():
    r = yield from catcher()
    yield r


print(list(above()))


# throw and close into a suspended chain
def closer(tag):
    try:
        yield tag
        yield tag + "2"
    finally:
        print("finally", tag)


def closers(depth):
    if depth == 0:
        yield from closer("c0")
    else:
        try:
            yield from closers(depth - 1)
        finally:
            print("finally level", depth)


g = closers(3)
next(g)
g.close()
g = closers(2)
next(g)
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print("thrown out:", e)
g = closers(30)
next(g)
print(next(g))
g.close()


# a chain whose bottom is a non-generator iterator, and one whose bottom is interpreted
# by the generic path (a started generator with an exception state)
def over_list(depth):
    if depth == 0:
        yield from [1, 2, 3]
    else:
        yield from over_list(depth - 1)


print(list(over_list(5)), list(over_list(30)))


def handled_bottom():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__


def handled_chain(depth):
    if depth == 0:
        yield from handled_bottom()
    else:
        yield from handled_chain(depth - 1)


print(list(handled_chain(4)), sys.exc_info())


# the recursion limit reached inside a long chain
def endless(depth):
    yield depth
    yield from endless(depth + 1)


sys.setrecursionlimit(120)
g = endless(0)
last = None
try:
    for v in g:
        last = v
except RecursionError as e:
    print("RecursionError", type(last), last is not None)
sys.setrecursionlimit(1000)
