# Call sites that remember a generator function (abi.rs pyrt_call_fill: a trampoline
# entry guarded by the function's code): later calls make the generator without the
# generic path. Every edge must behave as a plain call of the function.
import sys


def gen(a, b=10):
    yield a
    yield b


def other(a, b=20):
    yield -a
    yield -b


def plain(a, b=30):
    return [a, b]


def make_closure(k):
    def inner(x):
        yield x * k
    return inner


async def coro(x):
    return x + 1


def at_site(f, x):
    return f(x)  # one call site, many callees


for i in range(3):
    print(list(at_site(gen, i)), list(at_site(other, i)), at_site(plain, i))
    print(list(at_site(make_closure(i), 5)), list(at_site(make_closure(i + 1), 5)))
    c = at_site(coro, i)
    try:
        c.send(None)
    except StopIteration as e:
        print("coro", e.value)

# rebinding __code__ of the function a site saw
def swapped(a):
    yield "first", a


for i in range(3):
    r = at_site(swapped, i)
    print(type(r).__name__, list(r) if not isinstance(r, list) else r)
    if i == 0:
        swapped.__code__ = plain.__code__.replace(co_name="swapped")
        swapped.__defaults__ = (99,)

# wrong argument counts still raise the function's own TypeError
def two(a, b):
    yield a + b


for i in range(2):
    try:
        print(list(at_site(two, i)))
    except TypeError as e:
        print("TypeError", e)

# generator functions with defaults, *args, keyword-only arguments
def var(*args):
    yield from args


def kwonly(a, *, k=7):
    yield a, k


for i in range(3):
    print(list(at_site(var, i)), list(at_site(kwonly, i)))

# the frame, name and qualname of a generator made through the cached site
for i in range(2):
    g = at_site(gen, i)
    print(g.__name__, g.__qualname__, g.gi_frame.f_code.co_name, g.gi_frame.f_locals, g.gi_running)
    next(g)
    print(g.gi_frame.f_locals, g.gi_frame.f_lineno)

# an error inside the generator shows the generator's frame
def bad(x):
    yield 1 // x


for i in (1, 0):
    try:
        print(list(at_site(bad, i)))
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print("ZeroDivisionError", names)


# making a generator near the recursion limit counts one level, as a call does
def rec(n):
    if n == 0:
        return gen(n)
    return rec(n - 1)


sys.setrecursionlimit(100)
for depth in (50, 5000):
    try:
        print(list(rec(depth)))
    except RecursionError as e:
        print("RecursionError", e)
sys.setrecursionlimit(1000)
