"""A signal handler that replaces a class's __init__ (and a method, an exception's
__init__, a module function) while loops construct, call and raise: the handler runs
at a check point between a call site's cache guard and the call, or inside the call,
and the old function must stay alive until its call returns (it used to be borrowed
from the site's cache and freed under the running frame: a segfault)."""
import signal


def under_timer(handler, interval, run, k, rounds=40):
    """Runs `run(k)` `rounds` times while SIGALRM calls `handler` every `interval` s;
    prints whether the handler ran."""
    fired = []

    def on_alarm(signum, frame):
        fired.append(1)
        handler(len(fired))

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, interval, interval)
    try:
        for _ in range(rounds):
            run(k)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
    print("done", len(fired) > 0)


# 1. a plain class whose __init__ loses its last reference while being called

class Node:
    def __init__(self, v):
        self.v = v


def make_init(k):
    def init(self, v):
        self.v = v + k
    return init


def rebind_node_init(count):
    Node.__init__ = make_init(count)   # the old function loses its last reference


def build_nodes(k):
    s = 0
    for i in range(k):
        s += Node(i).v & 1
    return s


under_timer(rebind_node_init, 0.0005, build_nodes, 20000)


# 2. a base class's __init__ called explicitly, a method, an exception's __init__ and
#    a module function, all replaced together

class Base:
    def __init__(self, v):
        self.v = v


class Node2(Base):
    def __init__(self, v):
        Base.__init__(self, v)

    def m(self, k):
        return self.v + k


class E(Exception):
    def __init__(self, v):
        self.v = v


def f(x):
    return x + 1


def maker(k):
    def init(self, v):
        self.v = v + k

    def m(self, j):
        return j - k

    def g(x):
        return x + k

    def einit(self, v):
        self.v = -v - k
    return init, m, g, einit


def rebind_all(count):
    global f
    init, m, g, einit = maker(count)
    Base.__init__ = init
    Node2.m = m
    E.__init__ = einit
    f = g


def call_and_raise(k):
    s = 0
    for i in range(k):
        n = Node2(i)
        s += n.m(i) & 1
        s += f(i) & 1
        try:
            raise E(i)
        except E as e:
            s += e.v & 1
    return s


under_timer(rebind_all, 0.0003, call_and_raise, 5000)
