# threading.local: each thread sees its own attributes; a subclass's __init__ runs
# again (with the constructor's arguments) in every thread that touches it.
import threading

data = threading.local()
data.x = "main"
seen = {}
def worker(i):
    print_missing = not hasattr(data, "x")
    data.x = i
    data.y = [i]
    seen[i] = (print_missing, data.x, data.y, sorted(data.__dict__))
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(sorted(seen.items()))
print(data.x, hasattr(data, "y"), data.__dict__)
del data.x
try:
    data.x
except AttributeError as e:
    print("AttributeError", e)

class Ctx(threading.local):
    initialized = 0
    def __init__(self, base, *, step=1):
        self.value = base
        self.step = step
        Ctx.initialized += 1
    def bump(self):
        self.value += self.step
        return self.value

ctx = Ctx(100, step=5)
print(ctx.bump(), ctx.bump(), Ctx.initialized)
out = []
def use():
    out.append(ctx.bump())
ts = [threading.Thread(target=use) for _ in range(3)]
for t in ts:
    t.start()
    t.join()
print(out, ctx.value, Ctx.initialized)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)
