# __setattr__ and __delattr__ hooks, object.__setattr__, frozen objects
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
fz = Frozen(1)
print(fz.x)
for action in (lambda: setattr(fz, "x", 2), lambda: delattr(fz, "x")):
    try:
        action()
    except AttributeError as e:
        print(e)
class Recorder:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)
r = Recorder()
r.a = 1
r.a += 1
setattr(r, "b", "x")
del r.a
print(r.log, vars(r).keys() - {"log"})
try:
    del r.zzz
except AttributeError as e:
    print(type(e).__name__, e)
