# Errors inside async context managers and async iterators.
def drive(c):
    try:
        while True:
            c.send(None)
    except StopIteration as e:
        return e.value

class FailingEnter:
    async def __aenter__(self):
        raise ValueError("enter failed")
    async def __aexit__(self, *a):
        print("exit should not run")

class FailingExit:
    async def __aenter__(self):
        return "res"
    async def __aexit__(self, et, ev, tb):
        raise RuntimeError(f"exit failed while handling {et.__name__ if et else None}")

class BadIter:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise KeyError("anext exploded")

class NotAwaitableNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5

async def main():
    for label, mgr in [("enter", FailingEnter()), ("exit", FailingExit())]:
        try:
            async with mgr as r:
                print("body ran with", r)
                raise IndexError("body error")
        except Exception as e:
            print(label, type(e).__name__, e, "| context:", repr(e.__context__))
    try:
        async for x in BadIter():
            print("no")
    except KeyError as e:
        print("KeyError", e)
    try:
        async for x in NotAwaitableNext():
            print("no")
    except TypeError as e:
        print("TypeError", e)
    class NoAexit:
        async def __aenter__(self):
            return 1
    try:
        async with NoAexit():
            pass
    except TypeError as e:
        print("TypeError", e)
    try:
        async for x in 5:
            pass
    except TypeError as e:
        print("TypeError", e)
    return "done"

print(drive(main()))
