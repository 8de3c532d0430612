# A function calling itself through its global name: the compiled call site pushes the
# running function without counting a reference and calls its own entry directly.
# Rebinding the name, replacing the function's code, deleting the global, decorating,
# errors while the arguments are evaluated (before the call), exceptions crossing the
# recursion and the recursion limit must all behave as in CPython.
import sys
import traceback


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib", [fib(i) for i in range(15)], fib(22))


# the name rebound while the recursion runs: later calls go to the new function
def countdown(n, log):
    global countdown
    log.append(n)
    if n == 3:
        countdown = lambda n, log: log.append(("lambda", n)) or "lambda result"
    if n == 0:
        return "bottom"
    return countdown(n - 1, log)


saved = countdown
log = []
print("rebound", countdown(5, log), log)
countdown = saved


# the code replaced while the recursion runs: the next call runs the new code
def other_code(n):
    return ("other code", n)


def walker(n):
    if n == 2:
        walker.__code__ = other_code.__code__
    return walker(n - 1) if n > 0 else "end"


print("code replaced", walker(4))


# the global deleted mid-recursion: the running calls finish, the next look-up fails
def vanishing(n):
    if n == 1:
        del globals()["vanishing"]
    return vanishing(n - 1) + 1 if n > 0 else 0


keep = vanishing
try:
    print(keep(3))
except NameError as e:
    print("NameError", e)


# a decorated function: the global is the wrapper, not the running function
calls = []


def traced(f):
    def wrapper(n):
        calls.append(n)
        return f(n)
    return wrapper


@traced
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print("fact", fact(6), calls)


# an error while the arguments are evaluated, after the callee was pushed
class Bad:
    def __init__(self, depth):
        self.depth = depth

    def __sub__(self, other):
        if self.depth == 0:
            raise ValueError("cannot go lower")
        return Bad(self.depth - 1)

    def __lt__(self, other):
        return False


def descend(x):
    if x < 0:
        return "never"
    return descend(x - 1)


try:
    descend(Bad(3))
except ValueError as e:
    print("ValueError", e, "frames:", len(traceback.extract_tb(e.__traceback__)))


# the error caught inside the recursion, which then goes on
def careful(x, depth):
    try:
        return careful(x - 1, depth + 1)
    except ValueError as e:
        return ("caught at", depth, str(e))


print(careful(Bad(2), 0))


# an exception raised deep down crosses every level
def deep(n):
    if n == 0:
        raise KeyError("bottom")
    return deep(n - 1)


try:
    deep(50)
except KeyError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print("KeyError", e, len(tb), tb[-1].name, tb[-1].lineno, tb[-2].line)


# the recursion limit
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError", e)


# the same code under another function object calls the global, not itself
def clone(n):
    return None


clone.__code__ = fib.__code__
print("clone", clone(10), clone.__name__)


# arguments that are attributes, subscripts and nested self-calls
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def build(depth):
    if depth == 0:
        return Node(None, None)
    return Node(build(depth - 1), build(depth - 1))


def count(node):
    if node.left is None:
        return 1
    return 1 + count(node.left) + count(node.right)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print("count", count(build(10)), "ackermann", ackermann(2, 3))


# a generator calling itself is not a self-call site (it makes a new generator)
def gen_tree(d):
    if d > 0:
        yield from gen_tree(d - 1)
        yield d
        yield from gen_tree(d - 1)


print("gen", list(gen_tree(3)))

# the running function stays alive while nothing else holds it
def lonely(n):
    if n == 3:
        g = globals()
        del g["lonely"]
        g["lonely"] = lambda n: "replacement"
    return lonely(n - 1) if n > 0 else "done"


print(lonely(5))
print("refcount of fib unchanged:", sys.getrefcount(fib) == sys.getrefcount(fib))
