# Closures (code with free or cell variables) called through register-argument entries:
# the entry borrows the free-variable cells from the callee's own closure and creates the
# cells of cell variables itself. Every observable behaviour must stay CPython's.
import sys
import traceback


# --- nonlocal rebinding between calls, seen by the enclosing function and siblings ---
def counter():
    count = 0

    def bump(k):
        nonlocal count
        count += k
        return count

    def peek():
        return count

    def reset():
        nonlocal count
        count = 0

    return bump, peek, reset, lambda: count


bump, peek, reset, lam = counter()
total = 0
for i in range(50):
    total += bump(i)
    if i == 20:
        reset()
print("counter", total, peek(), lam())


def outer_sees():
    x = 1
    seen = []

    def setx(v):
        nonlocal x
        x = v

    for v in range(5):
        setx(v * 10)
        seen.append(x)
    return seen


print("outer sees", outer_sees())


# --- a recursive closure whose own cell is rebound mid-recursion ---
def rebinding_recursion():
    calls = []

    def walk(n):
        calls.append(("walk", n))
        if n == 3:
            nonlocal walk
            walk = other
        if n == 0:
            return 0
        return 1 + walk(n - 1)

    def other(n):
        calls.append(("other", n))
        return 100 if n == 0 else 1 + other(n - 1)

    first = walk(6)
    second = walk(2)
    return first, second, calls


print("rebinding", rebinding_recursion())


# --- closures made in a loop: one code object, different cells ---
def make_adders():
    fs = []
    for i in range(6):
        def add(x, i=i):
            return x + i
        fs.append(add)

    gs = []
    for i in range(6):
        def scale(j):
            def g(x):
                return x * j
            return g
        gs.append(scale(i))
    return fs, gs


fs, gs = make_adders()
acc = []
for _ in range(3):
    for f in fs:
        acc.append(f(100))
    for g in gs:
        acc.append(g(7))
print("loop closures", acc[:12], sum(acc))


def shared_code_cells():
    # one call site, many function objects of one code with their own cells
    cells = []
    for k in range(5):
        def mk(k=k):
            box = [k]

            def get(d):
                box[0] += d
                return box[0]
            return get
        cells.append(mk())
    out = []
    for rep in range(4):
        for c in cells:
            out.append(c(rep))
    return out


print("shared code", shared_code_cells())


# --- f_locals of a running closure, locals(), traceback frames' locals ---
def frame_views():
    a = "A"
    b = [1, 2]

    def show_caller():
        f = sys._getframe(1)
        return sorted((k, "fn" if callable(v) else repr(v)) for k, v in f.f_locals.items())

    def inner(p):
        q = p + 1
        res = show_caller()
        return res, a, b

    def with_locals(p):
        q = p * 2
        return sorted(locals().items(), key=lambda kv: kv[0]), a

    def failing(p):
        r = a + str(p)
        raise KeyError(r)

    out = []
    for i in range(3):
        out.append(inner(i))
        out.append(with_locals(i))
    try:
        failing(5)
    except KeyError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        out.append(sorted((k, repr(v)) for k, v in tb.tb_frame.f_locals.items()))
        out.append(tb.tb_frame.f_code.co_name)
    return out


for item in frame_views():
    print("frames", item)


# --- tracebacks through closure frames ---
def traceback_chain():
    limit = 3

    def level(n):
        if n == limit:
            return 1 // (n - n)
        return level(n + 1) + 1

    try:
        level(0)
    except ZeroDivisionError:
        text = traceback.format_exc()
        lines = [ln.strip() for ln in text.splitlines() if ln.strip().startswith(("File", "return", "ZeroDivision"))]
        print("traceback", len(lines))
        for ln in lines:
            print("  ", ln.replace(__file__, "FILE"))


traceback_chain()


# --- RecursionError at the same depth as CPython, through a recursive closure ---
def recursion_depth(limit):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    deepest = [0]

    def down(n):
        deepest[0] = n
        return down(n + 1)

    try:
        down(0)
    except RecursionError as e:
        msg = str(e)
    finally:
        sys.setrecursionlimit(old)
    return deepest[0], msg


print("recursion", recursion_depth(120))
print("recursion", recursion_depth(333))


# --- cell variables created by the entry, parameters that are cells ---
def cell_params(a, b):
    def get():
        return a, b

    def inc():
        nonlocal a
        a += 1

    inc()
    inc()
    return get(), a


print("cell params", [cell_params(i, str(i)) for i in range(4)])


def cell_param_deleted(x):
    def get():
        return x
    del x
    try:
        return get()
    except NameError as e:
        return str(e)


print("cell deleted", [cell_param_deleted(i) for i in range(2)])


def free_deleted():
    v = 1

    def kill():
        nonlocal v
        del v

    def read(_):
        return v

    results = []
    for i in range(3):
        if i == 2:
            kill()
        try:
            results.append(read(i))
        except NameError as e:
            results.append(str(e))
    return results


print("free deleted", free_deleted())


def unbound_before_def():
    def early(_):
        return late
    res = []
    for i in range(2):
        try:
            res.append(early(i))
        except NameError as e:
            res.append(str(e))
    late = "now"
    res.append(early(0))
    return res


print("unbound before def", unbound_before_def())


# --- __code__ swaps: same free-variable count keeps working, another count fails ---
def code_swaps():
    p, q = "p", "q"

    def one(x):
        return ("one", x, p)

    def other(x):
        return ("other", x, q)

    def two(x):
        return ("two", x, p, q)

    def plain(x):
        return ("plain", x)

    res = []
    for i in range(3):
        res.append(one(i))
    one.__code__ = other.__code__
    for i in range(3):
        res.append(one(i))
    for f in (two, plain):
        try:
            one.__code__ = f.__code__
        except ValueError as e:
            res.append(str(e))
    try:
        plain.__code__ = one.__code__
    except ValueError as e:
        res.append(str(e))
    res.append(one(9))
    return res


print("code swaps", code_swaps())


# --- closures as methods, through builtins, with bad arguments ---
def as_method():
    tag = "T"

    def meth(self, k):
        return (tag, type(self).__name__, k)

    class C:
        m = meth

    c = C()
    res = [c.m(i) for i in range(3)]
    res.append(sorted([3, 1, 2], key=lambda v: -v if tag else v))
    res.append(list(map(lambda a, b: (tag, a, b), [1, 2], [3, 4])))
    for bad in [(), (1, 2, 3)]:
        try:
            meth(*bad)
        except TypeError as e:
            res.append(str(e))
    try:
        meth(1, k=2, z=3)
    except TypeError as e:
        res.append(str(e))
    return res


print("methods", as_method())


def many_args():
    base = 1000

    def seven(a, b, c, d, e, f, g):
        return base + a + b + c + d + e + f + g

    return [seven(i, 1, 2, 3, 4, 5, 6) for i in range(3)], list(map(seven, [1], [1], [1], [1], [1], [1], [1]))


print("many args", many_args())


# --- generator closures stay generators ---
def gen_closure():
    step = 3

    def gen(n):
        for i in range(n):
            yield i * step

    return [list(gen(k)) for k in range(4)]


print("gen closure", gen_closure())


# --- nested closures: a closure that creates closures over its own and free cells ---
def nested():
    base = 10

    def mid(k):
        local = k * 2

        def leaf(z):
            return base + local + z

        return leaf

    leaves = [mid(k) for k in range(4)]
    return [leaf(1) for leaf in leaves]


print("nested", nested())


# --- finalizers: a cell's old value dies when rebound, not later ---
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def finalizers():
    obj = Noisy("first")

    def swap(name):
        nonlocal obj
        old = obj.name
        obj = Noisy(name)
        return old

    for n in ["second", "third"]:
        print("swapped", swap(n))
    print("end of finalizers")


finalizers()
print("after finalizers")


# --- the runtime's own calls of closures (keywords, partial, sorted keys), methods of
# classes defined inside functions ---
def runtime_calls():
    import functools
    out = [cell_params(a=5, b="kw"), cell_params(7, b="mixed")]
    out.append(list(map(cell_params, [1, 2], ["x", "y"])))
    out.append(functools.partial(cell_params, 9)("p"))
    k = 3

    class C:
        def m(self, x):
            return x * k

        def rec(self, n):
            return 0 if n == 0 else k + self.rec(n - 1)

    c = C()
    out.append([c.m(i) for i in range(4)])
    out.append(c.rec(5))
    out.append(sorted(range(6), key=lambda v: (v % k, -v)))
    return out


print("runtime calls", runtime_calls())


def comprehension_cells(n):
    scale = n + 1
    rows = [[i * scale + j for j in range(3)] for i in range(n)]
    table = {i: [x for x in range(i) if x % scale] for i in range(n)}
    gen = sum(i * scale for i in range(n))
    return rows, table, gen


print("comprehensions", [comprehension_cells(n) for n in range(3)])
