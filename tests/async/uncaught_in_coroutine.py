# An uncaught exception propagating out of nested awaits, with a chained cause.
class Tick:
    def __await__(self):
        yield

async def parse(text):
    await Tick()
    return int(text)

async def load(values):
    out = []
    for v in values:
        try:
            out.append(await parse(v))
        except ValueError as e:
            raise RuntimeError(f"cannot load {v!r}") from e
    return out

async def main():
    print(await load(["1", "2"]))
    print(await load(["3", "x"]))

c = main()
while True:
    c.send(None)
