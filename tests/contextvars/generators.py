# Generators run in whatever context is current when they are resumed (3.11).
import contextvars

v = contextvars.ContextVar("v", default=0)


def gen():
    for _ in range(3):
        yield v.get()
        v.set(v.get() + 10)


g = gen()
print(next(g))
c = contextvars.Context()
print(c.run(next, g))
print(c.run(next, g), v.get(), c[v])
print(list(g), v.get())


def setter_gen():
    t = v.set("in gen")
    yield v.get()
    v.reset(t)
    yield v.get()


c2 = contextvars.copy_context()
g2 = setter_gen()
print(c2.run(next, g2), v.get(), c2[v])
print(c2.run(next, g2), c2[v])


async def coro():
    v.set("coro")
    return v.get()


c3 = contextvars.Context()
co = coro()
try:
    c3.run(co.send, None)
except StopIteration as e:
    print("coroutine returned", e.value, c3[v], v.get())
