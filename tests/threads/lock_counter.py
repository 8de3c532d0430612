# 8 threads x 100 000 increments under one lock lose nothing; without the lock the
# GIL still switches threads in the middle (we only print deterministic facts).
import _thread
import time

N_THREADS = 8
N = 100_000
lock = _thread.allocate_lock()
state = {"count": 0, "finished": 0}

def work():
    for _ in range(N):
        with lock:
            state["count"] += 1
    with lock:
        state["finished"] += 1

for _ in range(N_THREADS):
    _thread.start_new_thread(work, ())
while True:
    with lock:
        if state["finished"] == N_THREADS:
            break
    time.sleep(0.005)
print(state["count"], state["count"] == N_THREADS * N)
