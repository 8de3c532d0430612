# concurrent.futures.ThreadPoolExecutor: map keeps order, submit/result, exceptions
# come back through the future, as_completed sees every future, shutdown waits.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import threading

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(20))))
    futs = [ex.submit(pow, 2, i) for i in range(10)]
    print([f.result() for f in futs])
    print(sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(int, "x")
    try:
        bad.result()
    except ValueError as e:
        print("ValueError", e)
    print(bad.exception().__class__.__name__, bad.done(), bad.cancelled())
    done, not_done = wait([ex.submit(square, 3)])
    print(len(done), len(not_done))
    names = set(ex.map(lambda _: threading.current_thread().name.split("_")[0], range(50)))
    print(names)

lock = threading.Lock()
total = [0]
def add(n):
    with lock:
        total[0] += n
with ThreadPoolExecutor(max_workers=3, thread_name_prefix="adder") as ex:
    for i in range(1000):
        ex.submit(add, i)
print(total[0] == sum(range(1000)))
try:
    ex.submit(add, 1)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError", e)
