# Stress figures: 8 threads x 100 000 locked increments; a 1 000 000-item queue
# pipeline; two CPU-bound threads both progress.
import queue
import threading
import time

N_THREADS, N_INC = 8, 100000
counter = 0
lock = threading.Lock()


def inc():
    global counter
    for _ in range(N_INC):
        with lock:
            counter += 1


t0 = time.perf_counter()
ts = [threading.Thread(target=inc) for _ in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("locked increments:", counter, "expected", N_THREADS * N_INC, "%.2f s" % (time.perf_counter() - t0))

N_ITEMS = 1000000
q1, q2 = queue.Queue(maxsize=1000), queue.Queue(maxsize=1000)


def produce():
    for i in range(N_ITEMS):
        q1.put(i)
    q1.put(None)


def transform():
    while True:
        x = q1.get()
        if x is None:
            q2.put(None)
            return
        q2.put(x * 2)


t0 = time.perf_counter()
a, b = threading.Thread(target=produce), threading.Thread(target=transform)
a.start()
b.start()
total = n = 0
while True:
    x = q2.get()
    if x is None:
        break
    total += x
    n += 1
a.join()
b.join()
print("queue pipeline:", n, "items, sum ok:", total == N_ITEMS * (N_ITEMS - 1), "%.2f s" % (time.perf_counter() - t0))

progress = [0, 0]
stop = False


def spin(k):
    while not stop:
        progress[k] += 1


ts = [threading.Thread(target=spin, args=(k,)) for k in range(2)]
for t in ts:
    t.start()
time.sleep(1.0)
stop = True
for t in ts:
    t.join()
print("two CPU-bound threads both progressed:", all(p > 1000 for p in progress), progress)
