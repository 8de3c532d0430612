# Functions that read their locals back from the frame (zero-argument super(), locals(),
# vars(), dir(), eval/exec, sys._getframe) run natively with write-through locals.
import sys

class Base:
    def greet(self, who):
        return f"Base greets {who}"
    def __init__(self, x):
        self.x = x

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def greet(self, who):
        return "Child"

class Grand(Child):
    def __init__(self):
        super().__init__(1, 2)
    def greet(self, who):
        who = who.upper()
        return super().greet(who) + "|" + Base.greet(self, who)
    def gen(self):
        yield super().greet("gen")
        yield locals()["self"].x

g = Grand()
print(g.x, g.y, g.greet("you"), list(g.gen()))

def rebinds_self(obj):
    class K(Base):
        def m(self):
            self = 42
            try:
                return super().greet("x")
            except TypeError as e:
                return "TypeError: " + str(e)
    return K(0).m()

print(rebinds_self(None))

def with_locals(a, b=2):
    c = a + b
    snapshot = dict(locals())
    del c
    after = sorted(locals())
    return sorted(snapshot.items()), after

print(with_locals(1))

def with_vars_dir(p):
    q = p * 2
    return sorted(vars().items()), dir()

print(with_vars_dir(3))

def with_eval(n):
    m = n + 1
    return eval("n * m"), eval("(n, m)")

print(with_eval(4))

def with_exec(n):
    ns = {}
    exec("r = n * 10", {"n": n}, ns)
    k = 5
    exec("print('exec sees', k, n)")
    return ns["r"]

print(with_exec(7))

def frame_locals(v):
    w = v * 3
    f = sys._getframe()
    return f.f_code.co_name, w

print(frame_locals(2))

def gen_locals(n):
    for i in range(n):
        yield sorted(locals().items())

print(list(gen_locals(2)))

def unbound_after_delete():
    x = 1
    del x
    return locals()

print(unbound_after_delete())
