# Run-time imports with computed names: importlib.import_module and __import__ for
# modules compiled in, and errors for missing ones.
import importlib

names = ["ma" + "th", "sy" + "s"]
for n in names:
    m = importlib.import_module(n)
    print(m.__name__, m is __import__(n))
print(importlib.import_module("math").sqrt(16.0))
mod = __import__("".join(["g", "c"]))
print(mod.isenabled())
for bad in ["no_such_module_xyz", "math.nope"]:
    try:
        importlib.import_module(bad)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
try:
    importlib.import_module(".relative")
except TypeError as e:
    print("TypeError:", e)
try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
