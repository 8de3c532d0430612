# Queues and pipes between processes (fork start method): Queue, SimpleQueue,
# JoinableQueue, Pipe (duplex over socketpair, one-way over os.pipe), poll, EOFError,
# empty-queue timeouts, and sending an unpicklable object.
import multiprocessing as mp
import queue


def producer(q, n):
    for i in range(n):
        q.put((i, "item%d" % i, [i] * (i % 3)))
    q.put(None)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))
    conn.send_bytes(b"raw bytes")
    conn.close()


def writer(w):
    for i in range(5):
        w.send(i * i)
    w.close()


def worker(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * 10)
        jq.task_done()


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=producer, args=(q, 50))
    p.start()
    got = []
    while True:
        x = q.get()
        if x is None:
            break
        got.append(x)
    p.join()
    print(len(got), got[:3], got[-1])

    sq = ctx.SimpleQueue()
    print(sq.empty())
    p = ctx.Process(target=producer, args=(sq, 3))
    p.start()
    print([sq.get() for _ in range(4)])
    p.join()
    print(sq.empty())

    a, b = ctx.Pipe()
    p = ctx.Process(target=echo, args=(b,))
    p.start()
    for m in ["hello", 12, {"k": (1, 2)}, b"bytes"]:
        a.send(m)
        print(a.recv())
    print(a.poll(), a.poll(0.01))
    a.send(None)
    print(a.recv_bytes())
    p.join()
    b.close()
    try:
        a.recv()
    except EOFError as e:
        print("EOFError", e)

    r, w = ctx.Pipe(duplex=False)
    p = ctx.Process(target=writer, args=(w,))
    p.start()
    w.close()
    vals = []
    try:
        while True:
            vals.append(r.recv())
    except EOFError:
        pass
    p.join()
    print(vals, r.readable, r.writable)
    try:
        r.send(1)
    except OSError as e:
        print("OSError", e)

    jq = ctx.JoinableQueue()
    out = ctx.Queue()
    p = ctx.Process(target=worker, args=(jq, out))
    p.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print(sorted(out.get() for _ in range(5)))
    p.join()

    e = ctx.Queue()
    try:
        e.get(timeout=0.05)
    except queue.Empty:
        print("Empty after timeout")
    try:
        e.get_nowait()
    except queue.Empty:
        print("Empty (nowait)")
    x, y = ctx.Pipe()
    try:
        x.send(lambda: 1)
    except Exception as err:
        print(type(err).__name__, str(err).split(" at ")[0])
    x.close()
    try:
        x.send(1)
    except OSError as err:
        print("OSError", err)
