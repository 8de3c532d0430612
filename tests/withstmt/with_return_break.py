# with inside loops and functions: exits run on return/break/continue/exception
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *e):
        print("exit", self.n, e[0].__name__ if e[0] else "")
def find(target):
    for i in range(5):
        with CM(i) as v:
            if v == target:
                return f"found {v}"
            if v % 2:
                continue
    return "none"
print(find(2))
def nested():
    with CM("a"):
        with CM("b"):
            raise IndexError
try:
    nested()
except IndexError:
    print("IndexError propagated")
