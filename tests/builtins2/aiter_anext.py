# aiter/anext argument checking (no event loop involved).
class AI:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise StopAsyncIteration
class BadAI:
    def __aiter__(self):
        return 1
a = AI()
print(aiter(a) is a)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: aiter(1))
t(lambda: aiter([]))
t(lambda: aiter(BadAI()))
t(lambda: anext(1))
t(lambda: anext([]))
t(lambda: aiter())
t(lambda: anext())
