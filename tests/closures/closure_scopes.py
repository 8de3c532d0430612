# Closures vs globals, nonlocal vs global conflicts, cell contents after outer returns.
g = "G"
def f():
    g = "local-f"
    def h():
        global g
        g = "set-by-h"
        return g
    r = h()
    return g, r
print(f(), g)
def outer():
    v = "first"
    def read():
        return v
    v = "second"
    return read
print(outer()())
def gen_closure():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    yield bump
    yield bump
    yield n
it = gen_closure()
b1 = next(it); b1(); b1()
b2 = next(it); b2()
print(next(it))
def make_funcs():
    fs = {}
    for name in ("a", "b"):
        def f(name=name):
            return name.upper()
        fs[name] = f
    return fs
print({k: v() for k, v in make_funcs().items()})
