"""Register-argument entries run the body in a frame the runtime made (issue 9, session
14): calls that bind through the runtime (keywords, defaults, *args, exec of a code
object, calls from builtins) hand their frame to the register entry, which runs the body
in it. Tracebacks, frames, recursion depth and rebinding must behave as CPython."""
import sys
import traceback


def where(a, b=2):
    loc = sorted(sys._getframe().f_locals.items())
    f = sys._getframe()
    return (f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, a, b, loc)


def caller():
    return [where(1), where(1, 3), where(b=4, a=5), where(*(6, 7)), where(**{"a": 8})]


for row in caller():
    print(row)
print(list(map(where, [1, 2])))
print(sorted([3, 1, 2], key=lambda v: where(v)[3]))


def fails(x, y=0):
    z = x + 1
    return z / y


def outer():
    return fails(1)


try:
    outer()
except ZeroDivisionError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(fs.name, fs.lineno, fs.line) for fs in tb])
    print(sorted(sys.exc_info()[2].tb_next.tb_next.tb_frame.f_locals.items()))


# a no-argument function's code run by exec: a frame with no function behind it
def plain():
    print("plain in", sys._getframe().f_code.co_name, sys._getframe().f_back.f_code.co_name)
    return 1


exec(plain.__code__)
exec(plain.__code__, {"sys": sys, "print": print})


# rebinding the function's global while it runs, reached by keyword calls
def rebinding(n, last=False):
    global rebinding
    if n == 0:
        rebinding = None
        return "rebound"
    return (n, rebinding(n=n - 1))


print(rebinding(n=3))


# recursion depth through keyword calls (the runtime's frame counts one level, as in
# CPython) and through default-argument calls, mixed with positional ones
def depth_kw(n=0):
    try:
        return depth_kw(n=n + 1)
    except RecursionError:
        return n


def depth_mixed(n, step=1):
    try:
        if n % 2:
            return depth_mixed(n + step)
        return depth_mixed(n + 1, step)
    except RecursionError:
        return n


sys.setrecursionlimit(200)
a = depth_kw()
b = depth_mixed(0)
sys.setrecursionlimit(1000)
print(a, b, a == b)


# generators and closures called with keywords keep working alongside
def gen(a, b=1):
    yield a
    yield b


print(list(gen(b=3, a=4)))


def make(k):
    def inner(x, y=0):
        return x + y + k
    return inner


print(make(10)(1), make(10)(x=1, y=2))
