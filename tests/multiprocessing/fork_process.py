# Process with the fork start method: start/join/exitcode/is_alive, sys.exit codes,
# os._exit, terminate, and an exception in the child (traceback on the child's stderr,
# exit code 1).
import multiprocessing as mp
import os
import sys
import time


def ok(n):
    print("child ok", n, mp.current_process().name)
    sys.stdout.flush()


def exits(code):
    sys.exit(code)


def hard_exit():
    os._exit(7)


def boom(x):
    raise ValueError("bad value %r" % (x,))


def sleeper():
    time.sleep(30)


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    p = ctx.Process(target=ok, args=(1,), name="Worker-A")
    print(p.is_alive(), p.exitcode)
    p.start()
    p.join()
    print("exitcode", p.exitcode, p.is_alive(), p.name)
    for target, args in ((exits, (3,)), (exits, ("message to stderr",)), (exits, (None,)), (hard_exit, ())):
        q = ctx.Process(target=target, args=args)
        q.start()
        q.join()
        print(target.__name__, args, "->", q.exitcode)
    sys.stdout.flush()
    e = ctx.Process(target=boom, args=(42,))
    e.start()
    e.join()
    print("boom ->", e.exitcode)
    t = ctx.Process(target=sleeper)
    t.start()
    t.terminate()
    t.join()
    print("terminated ->", t.exitcode, t.is_alive())
    try:
        p.start()
    except AssertionError as err:
        print("AssertionError:", err)
    try:
        ctx.Process(target=ok, args=(2,)).join()
    except AssertionError as err:
        print("AssertionError:", err)
    procs = [ctx.Process(target=ok, args=(i,)) for i in range(3)]
    for pr in procs:
        pr.start()
        pr.join()
    print([pr.exitcode for pr in procs])
