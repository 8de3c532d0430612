# Pool with the fork start method: map, imap, imap_unordered, starmap, apply,
# apply_async (callbacks, get with timeout), map_async, the context manager, an
# exception raised in a worker (re-raised in the parent with the remote traceback
# attached), unpicklable tasks, and using a pool after close.
import multiprocessing as mp
import multiprocessing.pool


def square(x):
    return x * x


def add(a, b):
    return a + b


def fails(x):
    if x == 3:
        raise KeyError("three")
    return x


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(list(pool.imap(square, range(5))))
        print(sorted(pool.imap_unordered(square, range(5), chunksize=2)))
        print(pool.starmap(add, [(1, 2), (3, 4), ("a", "b")]))
        print(pool.apply(add, (10, 20)))
        got = []
        r = pool.apply_async(square, (7,), callback=got.append)
        print(r.get(timeout=10), r.ready(), r.successful())
        r.wait()
        print(got)
        m = pool.map_async(square, [1, 2, 3])
        print(m.get(10))
        try:
            pool.map(fails, range(5))
        except KeyError as e:
            print("KeyError", e, type(e.__cause__).__name__)
        errs = []
        r = pool.apply_async(fails, (3,), error_callback=errs.append)
        r.wait(10)
        print(r.successful(), errs)
        try:
            pool.map(lambda x: x, [1])
        except Exception as e:
            print(type(e).__name__, str(e).split(" at ")[0])
        print(pool.map(square, range(10000)) == [x * x for x in range(10000)])
    pool = ctx.Pool(processes=1)
    pool.close()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print("ValueError:", e)
    pool.join()
    try:
        ctx.Pool(0)
    except ValueError as e:
        print("ValueError:", e)
