# Monkeypatching: compiled call sites see rebinding of module globals, class attributes
# and methods, setattr on classes, and replaced builtins.
import builtins
import sys


def helper():
    return "original helper"


def call_helper():
    return helper()


class Greeter:
    greeting = "hi"

    def greet(self):
        return self.greeting + " from method"


def use(g):
    return g.greet()


print(call_helper())
for _ in range(3):
    call_helper()  # warm any caches


def replacement():
    return "patched helper"


helper = replacement
print(call_helper())
globals()["helper"] = lambda: "patched via globals()"
print(call_helper())
setattr(sys.modules[__name__], "helper", lambda: "patched via setattr on module")
print(call_helper())

g = Greeter()
print(use(g))
Greeter.greeting = "hello"
print(use(g))
Greeter.greet = lambda self: "method replaced"
print(use(g))
setattr(Greeter, "greet", lambda self: "setattr on class")
print(use(g))
del Greeter.greet
try:
    use(g)
except AttributeError as e:
    print("AttributeError:", e)
g.greet = lambda: "instance attribute"
print(use(g))


class Sub(Greeter):
    pass


Greeter.greet = lambda self: "base patched after subclassing"
print(use(Sub()))


def count(xs):
    return len(xs)


print(count([1, 2, 3]))
real_len = builtins.len
builtins.len = lambda xs: 99
print(count([1, 2, 3]))
builtins.len = real_len
print(count([1, 2, 3]))
len = lambda xs: -1  # a module global shadows the builtin
print(count([1, 2, 3]))
del len
print(count([1, 2, 3]))

# exec rebinding a global that compiled code reads
exec("helper = lambda: 'patched by exec'", globals())
print(call_helper())
