# __await__ may return any iterator; values it yields reach the driver.
class FromList:
    def __init__(self, *items):
        self.items = items
    def __await__(self):
        return iter(self.items)

class GenAwait:
    def __await__(self):
        x = yield "first"
        y = yield f"second after {x}"
        return (x, y)

async def main():
    r1 = await FromList("a", "b", "c")
    print("FromList result:", r1)
    r2 = await GenAwait()
    print("GenAwait result:", r2)
    return "end"

c = main()
sent = None
i = 0
while True:
    try:
        out = c.send(sent)
    except StopIteration as e:
        print("returned", e.value)
        break
    i += 1
    print("driver got", out)
    sent = i if out in ("first",) or str(out).startswith("second") else None

# sending a value into a plain iterator fails like CPython (no send method)
async def bad():
    await FromList(1, 2)
b = bad()
b.send(None)
try:
    b.send("x")
except AttributeError as e:
    print("AttributeError:", e)
b.close()
