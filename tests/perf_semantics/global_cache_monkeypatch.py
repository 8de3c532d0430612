# Global and builtin look-ups are cached per code object; every rebinding must be seen at once.
import builtins


def helper():
    return "helper v1"


def call_helper():
    return helper()


def use_len(x):
    return len(x)


def use_counter():
    return counter


results = []
for i in range(3):
    results.append(call_helper())
    if i == 0:
        def helper():
            return "helper v2"
    elif i == 1:
        globals()["helper"] = lambda: "helper v3 (via globals())"
print(results)

# Shadowing a builtin with a global, then removing the global again.
print(use_len([1, 2, 3]))
len = lambda x: "global len"
print(use_len([1, 2, 3]))
del len
print(use_len([1, 2, 3]))

# Monkeypatching the builtins module itself.
orig_len = builtins.len
builtins.len = lambda x: "patched builtins.len"
print(use_len([1]))
builtins.len = orig_len
print(use_len([1]))

# A global that changes value in a loop (same key, new values).
counter = 0
seen = []
for i in range(5):
    counter = i * i
    seen.append(use_counter())
print(seen)

# Deleting a global: NameError at once, with CPython's message.
del counter
try:
    use_counter()
except NameError as e:
    print("NameError:", e)

# Rebinding a builtin that was cached, then deleting it from builtins.
def use_abs(x):
    return abs(x)


print(use_abs(-4))
saved_abs = builtins.abs
del builtins.abs
try:
    use_abs(-4)
except NameError as e:
    print("NameError:", e)
builtins.abs = saved_abs
print(use_abs(-5))

# The same code object running with different globals (exec) must not share cache entries.
src = "def f():\n    return value\n"
g1 = {"value": "first"}
g2 = {"value": "second"}
exec(src, g1)
exec(src, g2)
for _ in range(2):
    print(g1["f"](), g2["f"]())
g1["value"] = "first, changed"
print(g1["f"](), g2["f"]())


# Recursion through a global name that gets rebound mid-recursion.
def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)


old = countdown
countdown = lambda n: "rebound at " + str(n)
print(old(3))
countdown = old
print(old(3))


# Functions called with exactly their positional parameters, with defaults, keywords, closures.
def add3(a, b, c=10):
    return a + b + c


print(add3(1, 2), add3(1, 2, 3), add3(1, b=5), add3(c=1, b=2, a=3))


def outer(x):
    def inner(y):
        return x + y
    return inner


print(outer(1)(2), outer(10)(20))
try:
    add3(1)
except TypeError as e:
    print("TypeError:", e)
try:
    add3(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)


def many(a, b, c, d, e, f, g, h, i, j, k, l):
    return a + b + c + d + e + f + g + h + i + j + k + l


print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))


class C:
    def m(self, v):
        return v * 2


c = C()
bound = c.m
print(bound(21), C.m(c, 4))
