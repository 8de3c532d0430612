# Two CPU-bound threads that never block must both make progress: each busy-waits
# for the other's turn, which only ends if the GIL is handed over (switch interval).
import _thread
import sys
import time

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in [0, -1.0]:
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError", e)

turn = [0]
rounds = 20
progress = [0, 0]
finished = []

def player(me):
    for _ in range(rounds):
        while turn[0] != me:   # busy loop: no call that would block or release the GIL
            progress[me] += 1
        turn[0] = 1 - me
    finished.append(me)

_thread.start_new_thread(player, (0,))
_thread.start_new_thread(player, (1,))
while len(finished) < 2:
    time.sleep(0.01)
print(sorted(finished), progress[0] > 0, progress[1] > 0)

# Two counting threads, both seen moving while the main thread sleeps (the deadline is
# far away: only a thread that never gets the GIL fails this).
import time
stop = [False]
counts = [0, 0]
def count(i):
    while not stop[0]:
        counts[i] += 1
    finished.append(i)
finished.clear()
_thread.start_new_thread(count, (0,))
_thread.start_new_thread(count, (1,))
deadline = time.monotonic() + 20
snapshot = None
while time.monotonic() < deadline:
    time.sleep(0.01)
    if snapshot is None and counts[0] > 1000 and counts[1] > 1000:
        snapshot = counts[:]
    elif snapshot and counts[0] > snapshot[0] and counts[1] > snapshot[1]:
        break
stop[0] = True
while len(finished) < 2:
    time.sleep(0.01)
print(snapshot is not None, counts[0] > snapshot[0], counts[1] > snapshot[1])
