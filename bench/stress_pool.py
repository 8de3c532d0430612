# Stress figure: Pool.map over 10 000 items equals the serial result, fork and spawn.
import multiprocessing as mp
import time


def f(x):
    return (x * x + 7) % 1009


if __name__ == "__main__":
    serial = [f(x) for x in range(10000)]
    for method in ("fork", "spawn"):
        t0 = time.perf_counter()
        with mp.get_context(method).Pool(2) as pool:
            res = pool.map(f, range(10000))
        print(method, "Pool.map over 10000 items equals serial:", res == serial, "%.2f s" % (time.perf_counter() - t0))
