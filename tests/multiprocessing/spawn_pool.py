# Pool and concurrent.futures.ProcessPoolExecutor with the spawn start method: results
# equal the serial ones, worker exceptions come back to the parent, and functions must
# be importable from the re-executed main module.
import concurrent.futures as cf
import multiprocessing as mp


def cube(x):
    return x ** 3


def pair(a, b):
    return (b, a)


def bad(x):
    return 10 // (x - 2)


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        print(pool.map(cube, range(8)))
        print(list(pool.imap(cube, range(4))))
        print(sorted(pool.imap_unordered(cube, range(4))))
        print(pool.starmap(pair, [(1, "a"), (2, "b")]))
        print(pool.apply_async(cube, (11,)).get(30))
        big = pool.map(cube, range(10000), chunksize=500)
        print(big == [x ** 3 for x in range(10000)])
        try:
            pool.map(bad, range(4))
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(cube, range(6))))
        f = ex.submit(pair, 3, 4)
        print(f.result(timeout=30))
        g = ex.submit(bad, 2)
        try:
            g.result(timeout=30)
        except ZeroDivisionError as e:
            print("future raised ZeroDivisionError:", e)
        print(sorted(fu.result() for fu in cf.as_completed([ex.submit(cube, i) for i in range(3)])))
