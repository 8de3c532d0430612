# Each thread starts with its own empty context (3.11 threads do not inherit it).
import threading
import contextvars

v = contextvars.ContextVar("v", default="default")
v.set("main value")
results = {}


def worker(n):
    before = v.get()
    empty = len(contextvars.copy_context())
    v.set(f"thread {n}")
    ctx = contextvars.copy_context()
    results[n] = (before, empty, v.get(), ctx[v], len(ctx))


for n in range(4):
    t = threading.Thread(target=worker, args=(n,))
    t.start()
    t.join()
for n in sorted(results):
    print(n, results[n])
print("main still:", v.get())

# a context copied in the main thread can be run in a thread
ctx = contextvars.copy_context()
out = []
t = threading.Thread(target=lambda: out.append(ctx.run(v.get)))
t.start()
t.join()
print("ctx.run in thread:", out)

# concurrent threads do not see each other's values
barrier = threading.Barrier(3)
seen = {}
def racer(n):
    v.set(n)
    barrier.wait()
    seen[n] = v.get()
ts = [threading.Thread(target=racer, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()))
