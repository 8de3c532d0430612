# Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier and Timer across
# threads, with output that does not depend on scheduling.
import threading
import time

# Condition: a producer/consumer handshake over a shared list.
cond = threading.Condition()
items = []
consumed = []
def consumer():
    for _ in range(5):
        with cond:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))
            cond.notify()
c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i * 10)
        cond.notify()
        while items:
            cond.wait()
c.join()
print("condition:", consumed)

# wait_for with a timeout that expires, and one that succeeds.
with cond:
    print("wait_for timeout:", cond.wait_for(lambda: False, timeout=0.02))
    print("wait_for true:", cond.wait_for(lambda: True, timeout=0.02))

# Event: set from another thread.
ev = threading.Event()
print("event:", ev.is_set(), ev.wait(0.01))
threading.Timer(0.02, ev.set).start()
print("event after timer:", ev.wait(5), ev.is_set())
ev.clear()
print("cleared:", ev.is_set())

# Timer cancelled before it fires.
fired = []
t = threading.Timer(0.05, fired.append, args=("fired",))
t.start()
t.cancel()
t.join()
print("cancelled timer:", fired, t.is_alive())

# Semaphore limits concurrency to 2.
sem = threading.Semaphore(2)
lock = threading.Lock()
active = [0]
peak = [0]
def limited():
    with sem:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        with lock:
            active[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("semaphore peak <= 2:", peak[0] <= 2, active[0])
print(sem.acquire(blocking=False), sem.acquire(timeout=0.01), sem.acquire(blocking=False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError", e)

bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)

# Barrier: every party passes together; exactly one gets index 0... all distinct.
barrier = threading.Barrier(4)
indices = []
after = []
def party():
    i = barrier.wait()
    with lock:
        indices.append(i)
    barrier.wait()
    with lock:
        after.append(len(indices))
ps = [threading.Thread(target=party) for _ in range(4)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print("barrier:", sorted(indices), after, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2, timeout=0.02)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError", b2.broken)

# RLock re-entry across functions, and ownership errors from another thread.
rl = threading.RLock()
def outer():
    with rl:
        return inner()
def inner():
    with rl:
        return "reentered"
print(outer())
rl.acquire()
errs = []
def bad_release():
    try:
        rl.release()
    except RuntimeError as e:
        errs.append(str(e))
t = threading.Thread(target=bad_release)
t.start()
t.join()
rl.release()
print(errs)

# A plain Lock can be released by another thread (unlike RLock).
l = threading.Lock()
l.acquire()
t = threading.Thread(target=l.release)
t.start()
t.join()
print("released by other thread:", not l.locked())
