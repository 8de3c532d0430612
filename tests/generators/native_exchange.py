# Values live on the operand stack across a yield, many locals, cells, locals() and
# throw/close at every kind of suspension point: what a native generator body hands to
# its frame at each yield and takes back at each resumption.
import sys


class Box:
    def __init__(self, tag):
        self.tag = tag

    def pair(self, a, b):
        return (self.tag, a, b)


def stack_below():
    # call arguments, a method call's receiver, a list display and a binary operand are
    # all on the stack while the generator is suspended
    r1 = max(10, (yield "call"), 3)
    r2 = Box("m").pair((yield "method"), 7)
    r3 = [1, 2, (yield "list"), 4]
    r4 = 100 - (yield "binop")
    r5 = {"k": (yield "dict"), "j": 0}
    yield (r1, r2, r3, r4, r5)


g = stack_below()
print(next(g))
for v in (50, "a", "b", 1, "d"):
    print(g.send(v))


def throw_with_stack():
    out = []
    for i in range(3):
        for j in range(2):
            try:
                got = i * 10 + j + (yield (i, j))
            except KeyError as e:
                got = "caught %s" % e
            out.append(got)
    yield out


g = throw_with_stack()
print(next(g))
print(g.send(100))
print(g.throw(KeyError("k1")))
print(g.send(200))
print(g.throw(KeyError, "k2"))
print(g.send(300))
print(g.send(400))


def many_locals(n):
    a, b, c, d, e, f, h, i, j, k, m = range(11)
    total = 0
    for step in range(n):
        x = yield (a + b + c + d + e + f + h + i + j + k + m + total)
        if x is not None:
            total += x
            del m
            m = x
        a, b = b, a
    yield ("end", a, b, m, total)


g = many_locals(4)
print(next(g), g.send(5), next(g), g.send(7), next(g))


def unbound_across_yield():
    yield 1
    try:
        print(later)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    later = "bound"
    yield later
    del later
    yield "deleted"
    print(later)


g = unbound_across_yield()
print(next(g), next(g), next(g))
try:
    next(g)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def cells():
    count = 0

    def bump(k):
        nonlocal count
        count += k
        return count

    while count < 20:
        got = yield bump(3)
        if got:
            bump(got)
    yield ("final", count, bump(0))


g = cells()
print(next(g), g.send(4), next(g), g.send(10))


def with_locals_call():
    x = 1
    seen = []
    for i in range(3):
        y = yield sorted(locals())
        x += i
        seen.append((x, y, sorted(locals().items(), key=str)[0]))
    yield seen


g = with_locals_call()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("c"))


def frame_of_running():
    a = 5
    yield sys._getframe().f_locals["a"]
    a = 6
    yield sys._getframe().f_code.co_name, sys._getframe().f_locals["a"]


print(list(frame_of_running()))


# a sub-generator that handles a thrown exception and returns: the delegating generator
# resumes after its `yield from` with the returned value
def sub():
    try:
        yield "sub1"
        yield "sub2"
    except ValueError as e:
        return "sub returned after %s" % e
    return "sub done"


def outer():
    before = [1, 2]
    r = yield from sub()
    yield ("outer got", r, before)
    r = yield from sub()
    yield ("again", r)


g = outer()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


# the sub-iterator is not a generator: throw/close go to its methods
class Iter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("iter done")
        return self.n

    def throw(self, *args):
        raise StopIteration("stopped by throw")

    def close(self):
        print("Iter.close called")


def deleg():
    r = yield from Iter()
    yield "after", r
    r = yield from Iter()
    yield "after2", r


g = deleg()
print(next(g), next(g))
print(g.throw(RuntimeError("x")))
print(next(g))
g.close()
print(g.gi_frame)


def running_check():
    yield g2.gi_running
    try:
        next(g2)
    except ValueError as e:
        yield "ValueError: %s" % e


g2 = running_check()
print(next(g2), next(g2), g2.gi_running)


def finally_with_locals():
    name = "f"
    try:
        for i in range(10):
            yield i
    finally:
        print("finally", name, i)


g = finally_with_locals()
print(next(g), next(g))
g.close()
g = finally_with_locals()
print(next(g))
del g


def raise_inside(n):
    for i in range(n):
        if i == 2:
            raise KeyError(i)
        yield i


try:
    for v in raise_inside(5):
        print("got", v)
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("KeyError", e, names)


# gi_frame.f_locals of a suspended generator: what the body left in its frame
def shows_locals(a):
    b = a + 1
    yield b
    c = [a, b]

    def uses_c():
        return c

    yield uses_c
    del b
    yield "deleted b"


g = shows_locals(1)
print(g.gi_frame.f_locals, g.gi_frame.f_lineno)
next(g)
print(g.gi_frame.f_locals, g.gi_frame.f_lineno)
next(g)
print(sorted(g.gi_frame.f_locals), g.gi_frame.f_locals["c"])
next(g)
print(sorted(g.gi_frame.f_locals))
print(list(g), g.gi_frame)
