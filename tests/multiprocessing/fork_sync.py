# Synchronisation primitives shared between processes (fork start method): Lock,
# RLock, Semaphore, BoundedSemaphore, Event, Condition, and their error paths.
import multiprocessing as mp
import os


def locked_append(lock, w, i):
    with lock:
        os.write(w, b"%d" % i)


def wait_event(ev, done):
    ev.wait()
    done.put("event seen")


def notify(cond, q):
    with cond:
        q.put("child has the condition")
        cond.notify()


def sem_user(sem, q):
    sem.acquire()
    q.put("acquired")
    sem.release()


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    lock = ctx.Lock()
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    with lock:
        print("in lock")

    r, w = os.pipe()
    procs = [ctx.Process(target=locked_append, args=(lock, w, i)) for i in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    os.close(w)
    print(sorted(os.read(r, 100).decode()))

    rl = ctx.RLock()
    print(rl.acquire(), rl.acquire(), rl.acquire(block=False))
    rl.release(); rl.release(); rl.release()
    try:
        rl.release()
    except AssertionError as e:
        print("AssertionError:", e)

    sem = ctx.Semaphore(2)
    print(sem.get_value(), sem.acquire(), sem.acquire(), sem.acquire(False), sem.get_value())
    sem.release()
    sem.release()
    sem.release()
    print(sem.get_value())
    bs = ctx.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)

    q = ctx.Queue()
    s1 = ctx.Semaphore(0)
    p = ctx.Process(target=sem_user, args=(s1, q))
    p.start()
    s1.release()
    print(q.get())
    p.join()

    ev = ctx.Event()
    print(ev.is_set(), ev.wait(0.01))
    p = ctx.Process(target=wait_event, args=(ev, q))
    p.start()
    ev.set()
    print(q.get(), ev.is_set())
    p.join()
    ev.clear()
    print(ev.is_set())

    cond = ctx.Condition()
    with cond:
        p = ctx.Process(target=notify, args=(cond, q))
        p.start()
        print(cond.wait(10))
        print(q.get())
    p.join()
    try:
        cond.notify()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        ctx.Semaphore(-1)
    except OSError as e:
        print("OSError:", e)
