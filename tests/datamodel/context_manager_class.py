# context manager classes: reusable, reentrant counters, exception info
class Indent:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, et, ev, tb):
        self.level -= 1
        return False
    def say(self, s):
        print("  " * self.level + s)
ind = Indent()
with ind:
    ind.say("one")
    with ind:
        ind.say("two")
        with ind as again:
            again.say("three")
    ind.say("back to one")
ind.say("zero")
class Catch:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            return True
        return False
with Catch(KeyError, IndexError) as c:
    [][1]
print("caught", repr(c.caught))
try:
    with Catch(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not caught:", e)
