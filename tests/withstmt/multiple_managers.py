# several managers in one with statement: enter order, reverse exit order
class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name = name
        self.fail_enter = fail_enter
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed " + self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return self.suppress
with CM("1") as a, CM("2") as b, CM("3") as c:
    print("body", a.name, b.name, c.name)
try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        print("not reached")
except RuntimeError as e:
    print("caught", e)
with CM("outer", suppress=True), CM("inner"):
    raise ValueError
print("suppressed by outer")
with (CM("p1") as p1,
      CM("p2") as p2):
    print("parenthesized", p1.name, p2.name)
