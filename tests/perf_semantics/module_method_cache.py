# `m.f(...)` where `m` is a global module has a two-level inline cache (global ->
# module -> attribute). Rebinding the attribute, deleting it, replacing the global,
# shadowing it with a builtin or another object, module __getattr__ and module
# subclasses must all behave as without the cache.
import math
import sys
import types


def sins(n):
    return [math.sin(i) for i in range(n)]


def sqrt_of(x):
    return math.sqrt(x)


print(sins(3))
print(sqrt_of(16.0))

# Rebind the module attribute (and restore it).
orig_sqrt = math.sqrt
math.sqrt = lambda x: "fake sqrt %r" % (x,)
print(sqrt_of(9.0))
math.sqrt = orig_sqrt
print(sqrt_of(9.0))

# Delete the attribute: AttributeError, then restore.
del math.sqrt
try:
    sqrt_of(4.0)
except AttributeError as e:
    print("AttributeError", e)
math.sqrt = orig_sqrt
print(sqrt_of(4.0))

# Replace the global `math` with another module, then a plain object, then restore.
real_math = math
fake = types.ModuleType("fake")
fake.sqrt = lambda x: ("fake module", x)
math = fake
print(sqrt_of(2.0))


class NotAModule:
    @staticmethod
    def sqrt(x):
        return ("object", x)

    def sin(self, x):
        return ("bound", x)


math = NotAModule()
print(sqrt_of(2.0))
print(sins(2))
math = real_math
print(sqrt_of(2.0))

# Delete the global: NameError (builtins have no `math`).
del math
try:
    sqrt_of(1.0)
except NameError as e:
    print("NameError", e)
math = real_math

# A builtin seen through the same pattern: shadow `math` in builtins, unshadow globals.
import builtins

builtins.math = fake
del math
print(sqrt_of(3.0))
math = real_math
print(sqrt_of(3.0))
del builtins.math

# Module __getattr__ for a missing name.
mod = types.ModuleType("mod")


def mod_getattr(name):
    return lambda *a: ("getattr", name, a)


mod.__getattr__ = mod_getattr


def call_mod():
    return mod.anything(1, 2)


print(call_mod())
mod.anything = lambda *a: ("real", a)
print(call_mod())
del mod.anything
print(call_mod())


# A module subclass with its own attribute logic.
class Sub(types.ModuleType):
    def __getattribute__(self, name):
        if name == "f":
            return lambda: "from __getattribute__"
        return super().__getattribute__(name)


mod = Sub("sub")
mod.f = lambda: "from dict"
print(call_mod() if False else mod.f())


def call_f():
    return mod.f()


print(call_f(), call_f())
mod = types.ModuleType("plain")
mod.f = lambda: "plain f"
print(call_f(), call_f())
mod.__dict__["f"] = lambda: "via __dict__"
print(call_f())
mod.__dict__.clear()
try:
    call_f()
except AttributeError as e:
    print("AttributeError", e)


# Many calls across rebinding inside a loop.
def loop():
    out = []
    for k in range(6):
        if k == 3:
            math.cos = lambda x: -1.0
        out.append(math.cos(0))
    return out


orig_cos = math.cos
print(loop())
math.cos = orig_cos
print(loop())
math.cos = orig_cos

# sys.modules replacement does not change the global binding.
sys.modules["math"] = fake
print(sqrt_of(25.0))
sys.modules["math"] = real_math

# A module type attribute wins over the module dict (__class__, __dict__ are data
# descriptors of the type) and a method call on the module type's method.
print(math.__class__.__name__, type(math.__dir__()).__name__)
