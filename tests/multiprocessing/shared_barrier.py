# multiprocessing.Barrier (a threading.Barrier over shared memory and a Condition)
# across processes with fork and spawn: every party passes, wait() returns each index
# once, the barrier can be reused, a timeout breaks it, reset() repairs it.
import multiprocessing as mp


def work(b, q, i):
    r = b.wait()
    q.put((i, r))
    b.wait()
    q.put((i, 'second'))


def main(method):
    ctx = mp.get_context(method)
    b = ctx.Barrier(3)
    q = ctx.Queue()
    ps = [ctx.Process(target=work, args=(b, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    res = sorted((q.get() for _ in range(6)), key=repr)
    for p in ps:
        p.join()
    print(method, [x[0] for x in res if x[1] != 'second'], sorted(x[1] for x in res if x[1] != 'second'))
    print(len([x for x in res if x[1] == 'second']), b.parties, b.n_waiting, b.broken, [p.exitcode for p in ps])
    b2 = ctx.Barrier(2, timeout=0.01)
    try:
        b2.wait()
    except Exception as e:
        print(type(e).__name__, b2.broken)
    b2.reset()
    print(b2.broken)
    try:
        ctx.Barrier(0)
    except Exception as e:
        print(type(e).__name__, e)


if __name__ == '__main__':
    main('fork')
    main('spawn')
