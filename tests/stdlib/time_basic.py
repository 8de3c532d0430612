# native time module: clocks are monotonic/consistent, sleep validates its argument
import time
t0 = time.monotonic()
p0 = time.perf_counter()
n0 = time.time_ns()
time.sleep(0.01)
time.sleep(0)
print(time.monotonic() - t0 >= 0.01, time.perf_counter() > p0)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)
print(abs(time.time() - n0 / 1e9) < 5, time.time() > 1.6e9)
print(time.process_time() >= 0, type(time.perf_counter_ns()).__name__)
for bad in (-1, 'x', float('nan')):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.time(1)
except TypeError as e:
    print(type(e).__name__, e)
print(time.sleep.__name__, time.__name__)
