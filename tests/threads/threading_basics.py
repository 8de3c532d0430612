# threading.Thread: start/join ordering, names, idents, daemon flag, is_alive, join
# with a timeout, enumerate/active_count, current_thread/main_thread, errors.
import threading
import time

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.get_ident() == main.ident, isinstance(threading.get_native_id(), int))

results = {}
def worker(i, delay=0.0):
    time.sleep(delay)
    me = threading.current_thread()
    results[i] = (me.name, me.ident == threading.get_ident(), me is not main)

threads = [threading.Thread(target=worker, args=(i,), kwargs={"delay": 0.01 * (5 - i)}, name=f"worker-{i}")
           for i in range(5)]
print([t.is_alive() for t in threads], threads[0].ident)
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in sorted(results):
    print(i, results[i])
print([t.is_alive() for t in threads], all(t.ident for t in threads), all(t.native_id for t in threads))
print(repr(threads[0]).startswith("<Thread(worker-0, stopped "))

# Default names and the daemon flag inherited from the creating thread.
t = threading.Thread(target=lambda: None)
print(t.name.startswith("Thread-"), t.daemon)
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon)

# join(timeout) on a thread that is still running.
ev = threading.Event()
slow = threading.Thread(target=ev.wait, name="slow")
slow.start()
slow.join(0.05)
print("alive after join(0.05):", slow.is_alive(), threading.active_count())
ev.set()
slow.join()
print("alive after set:", slow.is_alive(), threading.active_count())

# A Thread subclass overriding run().
class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"counter{n}")
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i
cs = [Counter(n) for n in (10, 100, 1000)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print([(c.name, c.total) for c in cs])

for bad in [lambda: threads[0].start(), lambda: threading.Thread().join(),
            lambda: threading.current_thread().join()]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError", e)
try:
    threading.Thread(target=print).daemon = 5 if False else None
    started = threading.Thread(target=lambda: None)
    started.start()
    started.daemon = True
except RuntimeError as e:
    print("RuntimeError", e)
started.join()
