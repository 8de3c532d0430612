# an event dispatcher with decorators, closures and exception isolation
class Dispatcher:
    def __init__(self):
        self.handlers = {}
    def on(self, event):
        def deco(fn):
            self.handlers.setdefault(event, []).append(fn)
            return fn
        return deco
    def emit(self, event, *args):
        results = []
        for h in self.handlers.get(event, []):
            try:
                results.append(h(*args))
            except Exception as e:
                results.append(f"{h.__name__} failed: {type(e).__name__}: {e}")
        return results
bus = Dispatcher()
log = []
@bus.on("greet")
def hello(name):
    return f"hello {name}"
@bus.on("greet")
def shout(name):
    return name.upper() + "!"
@bus.on("greet")
def broken(name):
    return name / 2
@bus.on("count")
def counter(n):
    log.append(n)
    return len(log)
print(bus.emit("greet", "ann"))
print([bus.emit("count", i) for i in range(3)])
print(bus.emit("none"), sorted(bus.handlers), log)
