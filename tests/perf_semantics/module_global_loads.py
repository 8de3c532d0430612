# Loads of names the module binds check only the globals dict's version (codegen
# globals.rs `module_globals`): a value that comes from the builtins instead must never
# be cached for them, and every rebinding or removal must be seen at once.

import builtins
import math

counter = 0


def len(x):  # shadows the builtin
    return -1


def use_len(v):
    return len(v)


def read_counter():
    return counter


def sqrt_of(v):
    return math.sqrt(v)


def call_twice(f, v):
    return [f(v), f(v)]


print(call_twice(use_len, [1, 2, 3]))
globals().pop("len")  # removed without `del`: the builtin serves the name now
print(call_twice(use_len, [1, 2, 3]))
builtins.len, real_len = (lambda x: 42), builtins.len
print(call_twice(use_len, [1, 2, 3]))  # the builtins changed: seen too
builtins.len = real_len
print(call_twice(use_len, [1, 2, 3]))
globals()["len"] = lambda x: "mine"
print(call_twice(use_len, [1, 2, 3]))

print(call_twice(lambda _: read_counter(), None))
counter = 5
print(call_twice(lambda _: read_counter(), None))
globals().pop("counter")
try:
    read_counter()
except NameError as e:
    print("NameError:", e)
builtins.counter = "from builtins"
print(call_twice(lambda _: read_counter(), None))
counter = "module again"
print(call_twice(lambda _: read_counter(), None))
del builtins.counter


class FakeMath:
    @staticmethod
    def sqrt(v):
        return ("fake", v)


print(call_twice(sqrt_of, 16.0))
math = FakeMath()
print(call_twice(sqrt_of, 16.0))
globals().pop("math")
try:
    sqrt_of(4.0)
except NameError as e:
    print("NameError:", e)
builtins.math = FakeMath
print(call_twice(sqrt_of, 9.0))
import math  # noqa: E402  (binds the module name in globals again)
print(call_twice(sqrt_of, 9.0))
del builtins.math


def loop_sum(n):
    total = 0
    for i in range(n):
        total += step(i)
    return total


def step(i):
    return i


print(loop_sum(10))
step = lambda i: i * 10  # noqa: E731
print(loop_sum(10))
