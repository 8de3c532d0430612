"""Values yielded deep in a `yield from` chain pass up every level
(generator.rs pass_value_up): running flags, frame links, recursion depth, handled
exceptions and the levels' state after each value."""
import sys


def frames_up():
    f = sys._getframe(1)
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def leaf(chain):
    yield ("leaf", [g.gi_running for g in chain], frames_up()[:len(chain) + 2])
    yield ("leaf2", [g.gi_suspended for g in chain], [g.gi_running for g in chain])
    return "done"


def relay(sub):
    r = yield from sub
    yield ("after", r)


for n in (1, 3, 30):
    chain = []
    chain.append(leaf(chain))
    for i in range(n):
        chain.append(relay(chain[-1]))
    root = chain[-1]
    for v in root:
        print(v if n < 5 else v[0], root.gi_running, root.gi_suspended, chain[0].gi_suspended)
    print(n, [g.gi_frame for g in chain][:2])


def depth_now():
    n = 0
    f = sys._getframe(1)
    while f is not None:
        n += 1
        f = f.f_back
    return n


def leaf_depths(depth):
    if depth == 0:
        yield depth_now()
        yield depth_now()
        return
    yield from leaf_depths(depth - 1)
    yield depth_now()


base = depth_now()
print([d - base for d in leaf_depths(5)])
print([d - base for d in leaf_depths(40)][:3])


# the recursion depth goes back down after each value: a deep chain yielding many
# values, then a deep recursion in the caller
def counter(depth, n):
    if depth == 0:
        yield from range(n)
        return
    yield from counter(depth - 1, n)


def recurse(n):
    return 0 if n == 0 else 1 + recurse(n - 1)


g = counter(50, 100)
print(sum(g))
print(recurse(900))


# RecursionError at the level where the chain is too deep, and the chain usable after
def deep(depth):
    if depth == 0:
        yield "bottom"
        return
    yield from deep(depth - 1)


old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
g = deep(200)
try:
    next(g)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(list(deep(100)))


# handled exceptions inside a leaf: the leaf keeps its own, the levels above see none
def leaf_handling():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__


def mid(d):
    if d == 0:
        yield from leaf_handling()
    else:
        yield from mid(d - 1)
    yield sys.exc_info()[0]


for v in mid(4):
    print(v, sys.exc_info()[0])

try:
    raise ValueError("outer")
except ValueError:
    for v in mid(3):
        print(v, sys.exc_info()[0].__name__)


# send and throw into a chain after values passed up
def echo(depth):
    if depth == 0:
        got = None
        while True:
            try:
                got = yield got
            except ZeroDivisionError as e:
                got = "handled %s" % e
        return
    yield from echo(depth - 1)


g = echo(10)
next(g)
print(g.send(1), g.send("two"), g.throw(ZeroDivisionError("z")), g.send(3))
print(g.gi_yieldfrom.gi_yieldfrom is not None, g.gi_running)
g.close()
print(g.gi_frame)


# a level re-entered from the leaf while values pass through: "already executing"
def reenter(depth, holder):
    if depth == 0:
        try:
            next(holder[0])
        except ValueError as e:
            yield str(e)
        yield "ok"
        return
    yield from reenter(depth - 1, holder)


holder = []
g = reenter(5, holder)
holder.append(g)
print(list(g))
