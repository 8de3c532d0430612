# Context managers and exceptions: __exit__ ordering, suppression, exceptions in __enter__/__exit__.
class CM:
    def __init__(self, name, suppress=False, fail_exit=False):
        self.name, self.suppress, self.fail_exit = name, suppress, fail_exit
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        if self.fail_exit:
            raise RuntimeError("exit failed in " + self.name)
        return self.suppress
try:
    with CM("outer"), CM("inner", suppress=True):
        raise ValueError("x")
    print("suppressed by inner")
except ValueError:
    print("not reached")
try:
    with CM("a"), CM("b"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
try:
    with CM("c", fail_exit=True):
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError", e, "context", repr(e.__context__))
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        print("body", i)
