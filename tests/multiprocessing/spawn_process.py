# The spawn start method: the child re-executes the program, whose main module runs
# again as __mp_main__ (the guarded block does not), then runs the target. Covers
# Process exit codes, an exception in the child, Queue, Pipe, Lock and Event between
# spawned processes, and pickling errors (lambdas cannot be sent to a spawned child).
import multiprocessing as mp
import sys

print("main module body runs as", __name__, flush=True)
COUNTER = [0]


def report(q, x):
    COUNTER[0] += 1
    q.put((x * 2, __name__, COUNTER[0], sys.modules["__main__"] is sys.modules["__mp_main__"]))


def fails():
    raise RuntimeError("failure in a spawned child")


def exits(code):
    sys.exit(code)


def locked_put(lock, ev, q, i):
    ev.wait()
    with lock:
        q.put(i)


def echo(conn):
    conn.send(conn.recv().upper())
    conn.close()


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    print(ctx.get_start_method())
    q = ctx.Queue()
    p = ctx.Process(target=report, args=(q, 21))
    p.start()
    print(q.get())
    p.join()
    print("exitcode", p.exitcode, "parent counter", COUNTER[0])

    e = ctx.Process(target=fails)
    e.start()
    e.join()
    print("fails ->", e.exitcode)
    x = ctx.Process(target=exits, args=(5,))
    x.start()
    x.join()
    print("exits ->", x.exitcode)

    lock, ev = ctx.Lock(), ctx.Event()
    procs = [ctx.Process(target=locked_put, args=(lock, ev, q, i)) for i in range(2)]
    for pr in procs:
        pr.start()
    ev.set()
    print(sorted([q.get(), q.get()]))
    for pr in procs:
        pr.join()
    print([pr.exitcode for pr in procs])

    a, b = ctx.Pipe()
    p = ctx.Process(target=echo, args=(b,))
    p.start()
    a.send("spawned echo")
    print(a.recv())
    p.join()

    try:
        ctx.Process(target=lambda: None).start()
    except Exception as err:
        print(type(err).__name__, str(err).split(" at ")[0])
