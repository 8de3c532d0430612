# Manager basics (fork start method): a server process sharing a dict, a list, a
# Namespace, a Value, a Queue and a Lock with child processes over AF_UNIX sockets;
# errors raised in the manager come back to the caller; plus ProcessPoolExecutor.
import concurrent.futures as cf
import multiprocessing as mp


def fill(d, l, ns, i):
    d[i] = i * i
    l.append(i)
    ns.total = ns.total + i if hasattr(ns, "total") else i


def twice(x):
    return 2 * x


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    with ctx.Manager() as m:
        d = m.dict()
        l = m.list()
        ns = m.Namespace()
        lock = m.Lock()
        procs = [ctx.Process(target=fill, args=(d, l, ns, i)) for i in range(3)]
        for p in procs:
            p.start()
            p.join()
        print(sorted(d.items()), sorted(l), ns.total)
        q = m.Queue()
        q.put("through the manager")
        print(q.get())
        v = m.Value("i", 5)
        v.value += 1
        print(v.value)
        with lock:
            print("manager lock held")
        try:
            d["missing"]
        except KeyError as e:
            print("KeyError", e)
        try:
            l[10]
        except IndexError as e:
            print("IndexError:", e)
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(twice, range(8))))
        print(ex.submit(twice, "ab").result())
