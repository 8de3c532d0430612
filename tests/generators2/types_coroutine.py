"""Generator-based coroutines: types.coroutine marks a generator function's code with
CO_ITERABLE_COROUTINE through code.replace(co_flags=...), so `await` accepts its
generators; driven by hand with send()/throw()."""
import types

CO_ITERABLE_COROUTINE = 0x100


@types.coroutine
def suspend(tag):
    got = yield ("suspend", tag)
    return f"{tag}:{got}"


print(suspend.__name__, suspend.__code__.co_name, bool(suspend.__code__.co_flags & CO_ITERABLE_COROUTINE))
print(suspend.__code__.co_varnames, suspend.__code__.co_argcount)
s = suspend("t")
print(type(s).__name__, s.__name__, bool(s.gi_code.co_flags & CO_ITERABLE_COROUTINE))
s.close()


async def task(n):
    results = []
    for i in range(n):
        results.append(await suspend(i))
    return results


c = task(3)
value = None
while True:
    try:
        req = c.send(value)
    except StopIteration as e:
        print("task result", e.value)
        break
    print("request", req)
    value = req[1] * 10


# exceptions thrown into the awaiting coroutine reach the generator's body
@types.coroutine
def guarded():
    try:
        yield "waiting"
    except KeyError as e:
        print("guarded caught", repr(e))
        return "recovered"


async def uses_guarded():
    r = await guarded()
    return r + "!"


c = uses_guarded()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("result", e.value)


# a generator-based coroutine delegating to another one with yield from
@types.coroutine
def twice():
    a = yield from suspend("a")
    b = yield from suspend("b")
    return a + "," + b


async def main():
    return await twice()


c = main()
print(c.send(None), c.send(1), end=" ")
try:
    c.send(2)
except StopIteration as e:
    print(e.value)


# a plain generator (no types.coroutine) is not awaitable
def plain():
    yield 1


async def awaits_plain():
    await plain()

try:
    awaits_plain().send(None)
except TypeError as e:
    print("TypeError:", e)

# code.replace itself
def f(a, b=2):
    return a + b


co = f.__code__
co2 = co.replace(co_name="g", co_qualname="g2")
print(co2.co_name, co2.co_qualname, co2.co_varnames, co2.co_flags == co.co_flags, co.co_name)
f.__code__ = co2
print(f(1), f(1, 5), f.__name__)
for bad in ({"co_flags": -1}, {"co_name": 3}, {"co_bogus": 1}):
    try:
        co.replace(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    co.replace(1)
except TypeError as e:
    print("TypeError:", e)
