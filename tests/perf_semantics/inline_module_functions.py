"""Small module-level functions called through a global are inlined at call sites
whose cache found their register entry (codegen/calls.rs `call_register_entry_known`):
rebinding the global, errors raised inside the callee (tracebacks keep its frame),
frames seen from the callee, recursion limits and other callees must behave as before."""
import sys
import traceback


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def total_of(n):
    t = 0.0
    for i in range(n):
        for j in range(n):
            t += a(i, j)
    return t


print(f"{total_of(20):.12f}")


def div(x, y):
    return x / y


def use_div(pairs):
    out = []
    for x, y in pairs:
        out.append(div(x, y))
    return out


print(use_div([(1, 2), (3.0, 4), (10, 5)]))
try:
    use_div([(1, 2), (1, 0)])
except ZeroDivisionError:
    tb = traceback.format_exc().splitlines()
    print([line.strip() for line in tb if line.strip().startswith(("File", "return", "out.append", "ZeroDivisionError"))])


# rebinding the global in the middle of a loop: the new function runs from then on
def step(x):
    return x + 1


def run_steps(n):
    acc = 0
    for k in range(n):
        if k == 3:
            global step
            step = lambda x: x * 10
        acc = step(acc)
    return acc


print(run_steps(6))


def restore():
    global step

    def step(x):
        return x + 1


restore()
print(run_steps(2))
# a builtin or a class bound to the name
step = abs
print([step(-k) for k in range(3)])
step = complex
print(step(2))


# the callee sees the caller's frame, and its own
def who():
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno


def ask():
    return [who() for _ in range(2)], who()


print(ask())


# a callee whose locals are read back (f_locals of the inlined frame)
def show(p, q):
    r = p * q
    return sorted(sys._getframe().f_locals.items())


def call_show():
    return [show(k, 2.5) for k in range(2)]


print(call_show())


# recursion through a small module function still hits the limit
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError", type(e).__name__)


def tiny(x):
    return x


def deep(n):
    if n == 0:
        return tiny(0)
    return deep(n - 1) + tiny(1)


print(deep(50))


# big ints and floats through the inlined body
def mix(i, j):
    s = i + j
    return s * (s + 1) // 2


def sum_mix(vals):
    t = 0
    for v in vals:
        t += mix(v, v)
    return t


print(sum_mix([1, 2**62, -(2**63), 3.5, 10**30]))


# default arguments and keyword calls take the generic path
def kw(a, b=2):
    return a * b


def call_kw():
    return [kw(1), kw(1, 3), kw(a=4), kw(5, b=6)]


print(call_kw())


# a def bound twice: the later one is called
def twice(x):
    return "first"


def twice(x):
    return "second"


def call_twice():
    return [twice(k) for k in range(2)]


print(call_twice())


# an error inside the callee: the traceback shows the caller's line and the callee's
def bad(d, k):
    return d[k]


def lookup(d, keys):
    return [bad(d, k) for k in keys]


try:
    lookup({1: 2}, [1, 3])
except KeyError:
    tb = traceback.format_exc().splitlines()
    print([line.strip() for line in tb if line.strip().startswith(("File", "return", "KeyError"))])
