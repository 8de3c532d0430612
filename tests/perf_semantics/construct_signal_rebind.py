"""A signal handler that replaces a class's __init__ (and a method, an exception's
__init__, a module function) while loops construct, call and raise: the handler runs
at a check point between a call site's cache guard and the call, or inside the call,
and the old function must stay alive until its call returns (it used to be borrowed
from the site's cache and freed under the running frame: a segfault)."""
import signal

class Node:
    def __init__(self, v):
        self.v = v

def make_init(k):
    def init(self, v):
        self.v = v + k
    return init

count = 0
def handler(signum, frame):
    global count
    count += 1
    Node.__init__ = make_init(count)   # the old function loses its last reference

signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.0005, 0.0005)

def run(k):
    s = 0
    for i in range(k):
        s += Node(i).v & 1
    return s

total = 0
for _ in range(40):
    total += run(20000)
signal.setitimer(signal.ITIMER_REAL, 0, 0)
print("done", count > 0)



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

count2 = 0
def handler2(signum, frame):
    global count2, f
    count2 += 1
    init, m, g, einit = maker(count2)
    Base.__init__ = init
    Node2.m = m
    E.__init__ = einit
    f = g

signal.signal(signal.SIGALRM, handler2)
signal.setitimer(signal.ITIMER_REAL, 0.0003, 0.0003)

def run2(k):
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

total = 0
for _ in range(40):
    total += run2(5000)
signal.setitimer(signal.ITIMER_REAL, 0, 0)
print("done", count2 > 0)
