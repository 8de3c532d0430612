# Coroutine object attributes: names, cr_running, cr_await, cr_suspended, cr_code.
class Suspend:
    def __await__(self):
        yield "s"

async def inner():
    await Suspend()

async def outer():
    print("running inside:", me.cr_running)
    await inner()

me = outer()
print(me.__name__, me.__qualname__, me.cr_code.co_name if hasattr(me.cr_code, "co_name") else "code")
print("before:", me.cr_running, me.cr_suspended, me.cr_await)
me.send(None)
print("suspended:", me.cr_running, me.cr_suspended, type(me.cr_await).__name__)
me.__name__ = "renamed"
print(me.__name__)
try:
    me.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
me.close()
print("after close:", me.cr_suspended, me.cr_await)
c1 = inner()
try:
    iter(c1)
except TypeError as e:
    print("TypeError:", e)
c1.close()
c2 = outer()
try:
    next(c2)
except TypeError as e:
    print("TypeError:", e)
c2.close()
