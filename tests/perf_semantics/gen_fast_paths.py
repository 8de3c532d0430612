"""Generator resumption fast paths (issue 9, session 13): `for`/`next`/`sum` over a
native generator, `yield from` a non-generator iterator delegated without re-entering
the body, and the delegation flag after a `throw` finished a `yield from`."""
import sys
import traceback


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


# sum / for / next over generators, the return value kept by next() only
print(sum(count(10)), sum(count(0)), sum(x for x in count(5)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(count(3)), [x * 2 for x in count(3)])


# an error inside the body propagates through for and sum, the generator is finished
def boom(n):
    yield from range(n)
    raise KeyError("boom")


for how in ("for", "sum", "next"):
    g = boom(2)
    try:
        if how == "for":
            for x in g:
                pass
        elif how == "sum":
            sum(g)
        else:
            while True:
                next(g)
    except KeyError as e:
        print(how, "KeyError", e, g.gi_frame is None)


# StopIteration raised in the body becomes RuntimeError (PEP 479) on each path
def leaky():
    yield 1
    raise StopIteration("leak")


for how in ("for", "sum", "next"):
    g = leaky()
    try:
        if how == "for":
            for x in g:
                pass
        elif how == "sum":
            sum(g)
        else:
            next(g)
            next(g)
    except RuntimeError as e:
        print(how, type(e).__name__, e, type(e.__cause__).__name__)


# a generator suspended inside an except block keeps its exception; the caller's is not
# disturbed by a fast resumption
def in_except():
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[1]
    yield sys.exc_info()[0]


print([x if not isinstance(x, BaseException) else repr(x) for x in in_except()])
try:
    raise TypeError("outer")
except TypeError:
    for x in in_except():
        print("in", x if not isinstance(x, BaseException) else repr(x), sys.exc_info()[0].__name__)
    print(sum(1 for _ in count(3)), sys.exc_info()[0].__name__)


def sees_caller():
    yield sys.exc_info()[0]


try:
    raise OSError("x")
except OSError:
    print([t.__name__ for t in sees_caller()])


# running flags and "generator already executing" through the fast paths
def reenter():
    yield me.gi_running
    try:
        next(me)
    except ValueError as e:
        yield str(e)
    yield sum(me)


me = reenter()
try:
    for x in me:
        print("reenter", x)
except ValueError as e:
    print("sum reenter:", e)


# yield from non-generator iterators: lists, tuples, ranges, maps, user iterators
def flat(parts):
    for p in parts:
        r = yield from p
        if r is not None:
            yield ("ret", r)


class Counter:
    def __init__(self, n, ret=None):
        self.i, self.n, self.ret = 0, n, ret

    def __iter__(self):
        return self

    def __next__(self):
        frame = sys._getframe(1)
        if self.i == 0:
            print("  __next__ called from", frame.f_code.co_name, "running", outer_gen.gi_running)
        if self.i >= self.n:
            if self.ret is None:
                raise StopIteration
            raise StopIteration(self.ret)
        self.i += 1
        return self.i


outer_gen = flat([[1, 2], (3,), range(4, 6), map(abs, [-6]), Counter(2), Counter(1, "value"), [], "ab"])
print(list(outer_gen))
print(sum(flat([[1, 2, 3], (4, 5)])))


# an error raised by the sub-iterator's __next__ passes through the delegating frame
class Bad:
    def __iter__(self):
        return self

    def __next__(self):
        raise ZeroDivisionError("bad next")


def wraps_bad():
    try:
        yield from Bad()
    except ZeroDivisionError as e:
        yield "caught " + str(e)
    yield from Bad()


g = wraps_bad()
print(next(g))
try:
    next(g)
except ZeroDivisionError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.line) for f in tb])


# send() of a value to a generator delegating to a list iterator: its send is missing
def over_list():
    yield from [1, 2, 3]


g = over_list()
print(next(g))
try:
    g.send(5)
except AttributeError as e:
    print("AttributeError", e)
print(g.gi_frame is None)


# a sub-iterator with send(): sent values go to it
class Echo:
    def __init__(self):
        self.last = None

    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def send(self, v):
        if v == "stop":
            raise StopIteration("echo done")
        return "got " + str(v)


def over_echo():
    r = yield from Echo()
    yield r


g = over_echo()
print(next(g), g.send(1), next(g), g.send("stop"))


# throw and close into a generator delegating to a list iterator
g = over_list()
next(g)
try:
    g.throw(IndexError("thrown"))
except IndexError as e:
    print("throw", e, g.gi_frame is None)
g = over_list()
next(g)
g.close()
print("closed", g.gi_frame is None)


# a throw that makes the sub-generator return moves the outer one past its `yield
# from`: later resumptions run its body, not a stale delegation
def sub():
    try:
        yield "s1"
    except ValueError:
        return "sub returned"
    yield "never"


def outer():
    x = yield from sub()
    yield x
    y = yield from sub()
    yield y
    yield "end"


g = outer()
print(next(g), g.throw(ValueError), next(g), g.throw(ValueError), next(g))
for x in g:
    print("left", x)
g = outer()
print(list(g))
g = outer()
next(g)
print(g.throw(ValueError), list(g))


# recursive yield from, with gi_yieldfrom and gi_running along the chain
def tree(depth):
    if depth > 0:
        yield from tree(depth - 1)
        yield depth
        yield from tree(depth - 1)


print(list(tree(4)), sum(tree(10)))
t = tree(3)
next(t)
chain = []
x = t
while x is not None:
    chain.append((x.gi_running, x.gi_frame.f_locals.get("depth")))
    x = x.gi_yieldfrom
print(chain)
