# Parallel figure of `make bench`: a CPU-bound function mapped over N inputs, first
# serially, then with multiprocessing.Pool(2) (fork start method unless argv[2] names
# another; argv[3] is the loop count of one task). Prints the two wall times and their
# ratio (~2 on two idle cores once a task outweighs the pool's start and stop).
import multiprocessing as mp
import sys
import time


def work(n):
    # Integer arithmetic only: no I/O, no allocation-heavy structures.
    acc = 0
    for i in range(n):
        acc = (acc * 31 + i) % 1000003
    return acc


def main():
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    method = sys.argv[2] if len(sys.argv) > 2 else "fork"
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 4000000
    t0 = time.perf_counter()
    serial = [work(size) for _ in range(items)]
    t1 = time.perf_counter()
    with mp.get_context(method).Pool(2) as pool:
        parallel = pool.map(work, [size] * items, chunksize=1)
    t2 = time.perf_counter()
    if serial != parallel:
        print("MISMATCH")
        sys.exit(1)
    s, p = t1 - t0, t2 - t1
    print("pool_speedup %s: serial %.3f s, Pool(2) %.3f s, ratio %.2fx" % (method, s, p, s / p))


if __name__ == "__main__":
    main()
