# Compiled calls test the recursion limit and the eval breaker with one compare (the
# runtime's call gate: the limit while nothing is pending, 0 while a request is): the
# limit must follow sys.setrecursionlimit both ways, and pending requests (signals, the
# collector, other threads) must be served at calls without changing where
# RecursionError happens.
import gc
import os
import signal
import sys
import threading


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def method_depth():
    class A:
        def down(self, n):
            try:
                return self.down(n + 1)
            except RecursionError:
                return n

    return A().down(0)


base = depth(0)
sys.setrecursionlimit(200)
low = depth(0)
print("lowered by", 1000 - 200, "depth lowered by", base - low)
sys.setrecursionlimit(3000)
high = depth(0)
print("raised by", 3000 - 200, "depth raised by", high - low)
sys.setrecursionlimit(1000)
print("back:", depth(0) == base, method_depth() == base - 1)


# lowering the limit while deep in the recursion: the calls below see the new limit
def lower_at(n, at, new):
    if n == at:
        sys.setrecursionlimit(new)
    try:
        return lower_at(n + 1, at, new)
    except RecursionError:
        return n


r = lower_at(0, 50, 150)
sys.setrecursionlimit(1000)
print("lowered midway:", r == lower_at(0, 50, 150) and r < base, r > 50)
sys.setrecursionlimit(1000)

# a signal handler runs at a call while the gate is closed, then the gate reopens
hits = []


def handler(signum, frame):
    hits.append(signum)


signal.signal(signal.SIGUSR1, handler)


def ring(n):
    if n == 20:
        os.kill(os.getpid(), signal.SIGUSR1)
    if n == 40:
        return len(hits)
    return ring(n + 1)


print("handled during recursion:", ring(0))
print("depth after signal:", depth(0) == base)


class Boom(Exception):
    pass


def raiser(signum, frame):
    raise Boom("from handler")


signal.signal(signal.SIGUSR1, raiser)


def ring2(n):
    if n == 10:
        os.kill(os.getpid(), signal.SIGUSR1)
    if n == 60:
        return "not raised"
    return ring2(n + 1)


try:
    print(ring2(0))
except Boom as e:
    print("Boom:", e)
print("depth after raising handler:", depth(0) == base)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)


# cyclic garbage made inside deep calls: collections requested and served at calls
class Node:
    def __init__(self):
        self.me = self


def churn(n):
    for _ in range(50):
        Node()
    if n == 0:
        return 0
    return churn(n - 1) + 1


gc.collect()
print("churn:", churn(300), depth(0) == base)

# another thread recursing while this one does: switch requests close the gate
results = {}


def worker(name):
    total = 0
    for _ in range(20):
        total += depth(0)
    results[name] = total


threads = [threading.Thread(target=worker, args=(k,)) for k in "ab"]
for t in threads:
    t.start()
mine = 0
for _ in range(20):
    mine += depth(0)
for t in threads:
    t.join()
print("threads:", results["a"] == results["b"], mine == 20 * base)
