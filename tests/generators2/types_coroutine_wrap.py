"""types.coroutine on functions that are not generator functions (it wraps them with
functools.wraps and passes through what they return, wrapping plain generators), and
`yield from` of a native coroutine inside a generator-based (CO_ITERABLE_COROUTINE)
coroutine, which CPython allows; a plain generator may not `yield from` a coroutine."""
import types


@types.coroutine
def sleep0():
    yield "tick"


async def native(v):
    await sleep0()
    return v * 2


@types.coroutine
def bridge(v):
    # a generator-based coroutine delegating to a native coroutine
    r = yield from native(v)
    return r + 1


async def top():
    a = await bridge(3)
    b = await bridge(a)
    return a, b


def drive(c):
    steps = []
    while True:
        try:
            steps.append(c.send(None))
        except StopIteration as e:
            return steps, e.value


print("bridge:", drive(top()))


def plain_gen(co):
    r = yield from co
    return r


for arg in (1, 2):
    cn = native(arg)
    try:
        drive(plain_gen(cn))
    except TypeError as e:
        print("TypeError:", e)
    cn.close()


# types.coroutine on a plain function returning a generator: the generator is wrapped
def make_gen(tag):
    got = yield tag
    return f"{tag}->{got}"


@types.coroutine
def returns_gen(tag):
    """returns a generator"""
    return make_gen(tag)


print(returns_gen.__name__, returns_gen.__doc__, returns_gen.__wrapped__.__name__)
w = returns_gen("x")
print(type(w).__name__, w is not None)


async def uses_wrapped():
    r = await returns_gen("y")
    return r


c = uses_wrapped()
print(c.send(None))
try:
    c.send("sent")
except StopIteration as e:
    print("wrapped result:", e.value)


# returning a native coroutine: passed through as is
@types.coroutine
def returns_coro(v):
    return native(v)


rc = returns_coro(5)
print(type(rc).__name__)
print(drive(rc))


# returning something else: passed through too
@types.coroutine
def returns_other():
    return 42


print(returns_other())

# a coroutine function is returned unchanged; non-callables are refused
print(types.coroutine(native) is native)
try:
    types.coroutine(3)
except TypeError as e:
    print("TypeError:", e)


class Awaitable:
    def __await__(self):
        v = yield "custom"
        return v


@types.coroutine
def returns_awaitable_gen():
    return Awaitable().__await__()


async def uses_custom():
    return await returns_awaitable_gen()


c = uses_custom()
print(c.send(None))
try:
    c.send(7)
except StopIteration as e:
    print("custom result:", e.value)
