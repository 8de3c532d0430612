# with statement: __enter__ value, __exit__ arguments, ordering
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("suppressed")
print("after b")
try:
    with CM("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
with CM("d"):
    pass
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
