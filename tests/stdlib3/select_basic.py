# select.select, poll and epoll over pipes; selectors.DefaultSelector; error paths.
import os
import select
import selectors
import signal


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"hello")
print(select.select([r], [w], [r], 0.5) == ([r], [w], []))
print(os.read(r, 100))
print(select.select([r], [], [], 0.01))


class Wrapper:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


wr = Wrapper(w)
ready = select.select([], (wr,), [], None)
print(ready[1][0] is wr, ready[0], ready[2])

# poll
p = select.poll()
p.register(r, select.POLLIN)
p.register(w)
res = dict(p.poll(0))
print(r in res, res.get(w, 0) & select.POLLOUT != 0)
p.modify(w, select.POLLIN)
print(p.poll(10))
os.write(w, b"x")
print([ev for fd, ev in p.poll(1.5) if fd == r])
p.unregister(w)
show(lambda: p.unregister(w) if False else p.modify(w, 1))
show(lambda: p.register("nope"))
show(lambda: p.register(r, -1))
show(lambda: p.register(r, 1 << 20))
show(lambda: p.poll("soon"))
print(os.read(r, 10))

# epoll
ep = select.epoll()
print(ep.closed, ep.fileno() >= 0)
ep.register(r, select.EPOLLIN)
show(lambda: ep.register(r, select.EPOLLIN))
print(ep.poll(0))
os.write(w, b"yz")
print([(fd == r, ev) for fd, ev in ep.poll(1)])
ep.modify(r, select.EPOLLIN | select.EPOLLET)
print(len(ep.poll(0.01, 4)))
show(lambda: ep.poll(maxevents=0))
show(lambda: ep.poll("x"))
ep.unregister(r)
show(lambda: ep.unregister(r))
show(lambda: ep.register(-1))
ep.close()
print(ep.closed)
show(lambda: ep.poll())
show(lambda: ep.fileno())
with select.epoll() as ep2:
    print(type(ep2).__name__, ep2.closed)
print(ep2.closed)
show(lambda: select.epoll(flags=5))
show(lambda: select.epoll(0))
print(os.read(r, 10))

# select errors
show(lambda: select.select([r], [], [], -1))
show(lambda: select.select([r], [], [], "1"))
show(lambda: select.select([r], [], [], float("nan")))
show(lambda: select.select(["a"], [], [], 0))
show(lambda: select.select([-1], [], [], 0))
show(lambda: select.select([5000], [], [], 0))
show(lambda: select.select(3, [], [], 0))
fd = os.dup(r)
os.close(fd)
show(lambda: select.select([fd], [], [], 0))
print(select.error is OSError, select.PIPE_BUF, select.POLLIN, select.EPOLLET)

# selectors picks epoll on Linux
sel = selectors.DefaultSelector()
print(type(sel).__name__)
key = sel.register(r, selectors.EVENT_READ, data="reader")
print(key.events, key.data)
print(sel.select(timeout=0))
os.write(w, b"!")
print([(k.data, ev) for k, ev in sel.select(timeout=1)])
print(os.read(r, 10))
sel.unregister(r)
try:
    sel.unregister(r)
except KeyError as e:
    print("KeyError", str(e).endswith("is not registered'"))
sel.close()

# A signal during a wait runs its handler, then the wait resumes (PEP 475).
def on_alarm(signum, frame):
    print("alarm handled")

signal.signal(signal.SIGALRM, on_alarm)

def alarm_soon():
    # A kernel timer, not a thread: the signal must land inside the wait even on a loaded machine.
    signal.setitimer(signal.ITIMER_REAL, 0.05)

alarm_soon()
print(select.select([r], [], [], 0.3))
alarm_soon()
print(select.poll().poll(300))

def raiser(signum, frame):
    raise InterruptedError("from handler")

signal.signal(signal.SIGALRM, raiser)
alarm_soon()
show(lambda: select.epoll().poll(5))
os.close(r)
os.close(w)
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 0))
