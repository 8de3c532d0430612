# TypeErrors of the await protocol and a traceback through awaits.
async def await_int():
    await 42

async def bad_await_return():
    class B:
        def __await__(self):
            return 5
    await B()

async def coro_await_return():
    async def c():
        pass
    class B:
        def __await__(self):
            return c()
    await B()

async def no_aenter():
    async with object():
        pass

async def no_aiter():
    async for x in [1, 2]:
        pass

class NoAwaitAexit:
    async def __aenter__(self):
        return self
    def __aexit__(self, *a):
        return 1

async def bad_aexit():
    async with NoAwaitAexit():
        pass

for fn in [await_int, bad_await_return, coro_await_return, no_aenter, no_aiter, bad_aexit]:
    try:
        fn().send(None)
    except TypeError as e:
        print(fn.__name__, "TypeError:", e)

async def crash():
    await inner_crash()

async def inner_crash():
    return {}["missing"]

crash().send(None)
