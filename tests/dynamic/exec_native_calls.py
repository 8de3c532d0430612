# Functions, classes, generators and lambdas created by exec/eval are called from
# native code and call native code; exceptions cross both ways.
import sys


def native_double(v):
    return v * 2


class NativeBase:
    def greet(self):
        return f"hello from {type(self).__name__}"


ns = {"native_double": native_double, "NativeBase": NativeBase}
exec('''
def interp_add(a, b=10, *rest, scale=1, **kw):
    return (a + b + sum(rest)) * scale + len(kw)

def calls_native(v):
    return native_double(v) + 1

def gen(n):
    for i in range(n):
        got = yield native_double(i)
        if got:
            yield f"got {got}"

class Derived(NativeBase):
    def __init__(self, tag):
        self.tag = tag
    def greet(self):
        return super().greet() + " tagged " + self.tag

square = lambda q: q * q

def raiser(kind):
    if kind == "value":
        raise ValueError("raised in exec'd code")
    return kind()
''', ns)

print(ns["interp_add"](1))
print(ns["interp_add"](1, 2, 3, 4, scale=2, extra=True))
print(ns["calls_native"](20))
g = ns["gen"](3)
print(next(g), g.send("x"), next(g), list(g))
d = ns["Derived"]("t1")
print(d.greet(), isinstance(d, NativeBase), type(d).__mro__[1].__name__)
print(list(map(ns["square"], range(5))))
print(sorted([3, 1, 2], key=ns["square"]))

try:
    ns["raiser"]("value")
except ValueError as e:
    print("caught natively:", e)


def native_raises():
    raise KeyError("from native")


try:
    ns["raiser"](native_raises)
except KeyError as e:
    print("native error through exec'd frame:", e)

# exec'd code catching a native exception
ns["native_raises"] = native_raises
exec('''
try:
    native_raises()
except KeyError as e:
    print("exec caught:", repr(e))
''', ns)

# classes defined natively subclassed in exec and vice versa
Made = eval("type('Made', (NativeBase,), {'x': 5})", {"NativeBase": NativeBase})
print(Made().greet(), Made.x)


class FromExec(ns["Derived"]):
    def greet(self):
        return "native override of " + super().greet()


print(FromExec("t2").greet())
print(sys.getrecursionlimit() > 100)
