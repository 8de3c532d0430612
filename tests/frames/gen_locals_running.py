"""f_locals of a running generator seen from code its body calls (a helper reading its
caller's frame, inspect.currentframe(), gi_frame through a global) and of a suspended
one: CPython shows the generator's current locals in every case."""
import inspect
import sys


def caller_locals():
    return dict(sys._getframe(1).f_locals)


def gen_with_helper(n):
    total = 0
    for i in range(n):
        total += i
        seen = caller_locals()
        print("helper sees:", sorted(seen.items()))
        yield total


print(list(gen_with_helper(3)))


def gen_with_inspect(a, b=2):
    x = a * b
    fr = inspect.currentframe()
    print("inspect:", fr.f_code.co_name, sorted(k for k in fr.f_locals if k != "fr"), fr.f_locals["x"])
    y = yield x
    print("after send:", sorted(k for k in fr.f_locals if k != "fr"), fr.f_locals["y"])
    del x
    print("after del:", "x" in fr.f_locals, sorted(k for k in fr.f_locals if k != "fr"))
    yield y


g = gen_with_inspect(5)
print(next(g))
print("suspended:", sorted(g.gi_frame.f_locals))
print(g.send("sent"))
g.close()


def via_global():
    word = "w"
    for k in range(2):
        loc = holder.gi_frame.f_locals
        print("gi_frame locals:", sorted(loc), loc["k"], loc["word"])
        yield k


holder = via_global()
print(list(holder))


def closure_gen():
    outer_val = 10

    def peek():
        return sorted(sys._getframe(1).f_locals)

    for j in range(2):
        print("closure gen:", peek(), outer_val + j)
        yield j


print(list(closure_gen()))


class Tracker:
    def __init__(self):
        self.snaps = []

    def snap(self):
        self.snaps.append(sorted(sys._getframe(1).f_locals))


def methods_gen(t):
    first = 1
    t.snap()
    yield first
    second = 2
    t.snap()
    yield second


t = Tracker()
print(list(methods_gen(t)), t.snaps)


async def coro(v):
    local_c = v + 1
    print("coroutine locals:", caller_locals())
    return local_c


c = coro(4)
try:
    c.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)
