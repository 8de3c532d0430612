# Reference cycles through contexts, tokens and variables are collected.
import gc
import contextvars


class Marker:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("collected", self.name)


def cycle_through_context():
    v = contextvars.ContextVar("v")
    ctx = contextvars.Context()
    m = Marker("context value")
    m.ctx = ctx
    ctx.run(v.set, m)


def cycle_through_token():
    v = contextvars.ContextVar("t")
    ctx = contextvars.Context()
    m = Marker("token holder")

    def f():
        m.token = v.set(m)
    ctx.run(f)


def cycle_through_default():
    m = Marker("default")
    m.var = contextvars.ContextVar("d", default=m)


def cycle_through_copy():
    v = contextvars.ContextVar("c")
    m = Marker("copy")

    def f():
        v.set(m)
        m.snapshot = contextvars.copy_context()
    contextvars.Context().run(f)


for f in (cycle_through_context, cycle_through_token, cycle_through_default, cycle_through_copy):
    f()
    print(f.__name__, "collected objects:", gc.collect() > 0)

# the main thread's current context holds values (and a cycle) until exit
keep = contextvars.ContextVar("keep")
holder = []
holder.append(holder)
keep.set(holder)
del holder
print("end of program")
