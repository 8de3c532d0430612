# __getattr__ as fallback and __getattribute__ for all lookups
class Fallback:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"no {name!r} here")
f = Fallback()
print(f.real, f.auto_hello)
try:
    f.missing
except AttributeError as e:
    print(e)
print(getattr(f, "missing", "default"), hasattr(f, "auto_x"), hasattr(f, "zzz"))
class Logger:
    def __init__(self):
        self.val = 10
    def __getattribute__(self, name):
        print("lookup", name)
        return object.__getattribute__(self, name)
lg = Logger()
print(lg.val)
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom missing")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback for " + name
b = Both()
print(b.boom, b.other)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
px = Proxy([3, 1, 2])
px.sort()
print(px._t, px.count(1))
