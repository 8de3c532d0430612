# queue: a producer -> workers -> collector pipeline, LifoQueue, PriorityQueue,
# SimpleQueue, task_done/join, timeouts and the Full/Empty exceptions.
import queue
import threading

N = 20000
q_in = queue.Queue(maxsize=100)
q_out = queue.Queue()

def producer():
    for i in range(N):
        q_in.put(i)
    for _ in range(4):
        q_in.put(None)

def worker():
    while True:
        item = q_in.get()
        if item is None:
            q_in.task_done()
            break
        q_out.put(item * 2)
        q_in.task_done()

threads = [threading.Thread(target=producer)] + [threading.Thread(target=worker) for _ in range(4)]
for t in threads:
    t.start()
q_in.join()
for t in threads:
    t.join()
results = []
while not q_out.empty():
    results.append(q_out.get_nowait())
print(len(results), sum(results) == 2 * sum(range(N)), sorted(results) == [2 * i for i in range(N)])

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print([lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for p in [5, 1, 4, 2, 3]:
    pq.put((p, f"job{p}"))
print([pq.get()[1] for _ in range(5)])

sq = queue.SimpleQueue()
def feed():
    for i in range(1000):
        sq.put(i)
t = threading.Thread(target=feed)
t.start()
got = [sq.get(timeout=5) for _ in range(1000)]
t.join()
print(got == list(range(1000)), sq.empty(), sq.qsize())

small = queue.Queue(maxsize=1)
small.put("x")
try:
    small.put("y", timeout=0.01)
except queue.Full:
    print("Full")
try:
    small.put_nowait("y")
except queue.Full:
    print("Full nowait")
small.get()
try:
    small.get(timeout=0.01)
except queue.Empty:
    print("Empty")
try:
    sq.get_nowait()
except queue.Empty:
    print("Empty simple")
try:
    small.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
