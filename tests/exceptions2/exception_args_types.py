# exception args of various kinds and their str/repr
cases = [Exception(), Exception(1), Exception("a", "b"), Exception(None), Exception([1]), KeyError("x"), KeyError(1, 2), IndexError(), ValueError(""), OSError(), OSError("x"), OSError(1, "two", "three")]
for e in cases:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
class E(Exception):
    def __init__(self):
        pass
print(E().args, repr(E()), str(E()))
class F(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
f = F(1, 2)
print(f.args, f.b, repr(f))
f.args = ("new",)
print(str(f), repr(f))
