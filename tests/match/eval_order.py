# Evaluation order: subject once, value patterns lazily, __eq__ and __len__ calls.
class Noisy:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"  Noisy({self.v}).__eq__({other!r})")
        return self.v == other
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return f"Noisy({self.v})"

def subject():
    print("evaluating subject")
    return Noisy(3)

class C:
    ONE = 1
    TWO = 2
    THREE = 3

match subject():
    case C.ONE:
        print("one")
    case C.TWO | C.THREE:
        print("two or three")

class Sized(list):
    def __len__(self):
        print("  __len__ called")
        return super().__len__()

print("fixed length")
match Sized([1, 2]):
    case [x, y, z]:
        print("three")
    case [x, y]:
        print("two", x, y)

print("star wildcard")
match Sized([1, 2, 3, 4]):
    case [a, *_, b]:
        print("ends", a, b)

class Attr:
    __match_args__ = ("a", "b")
    def __getattr__(self, name):
        print("  getattr", name)
        if name in ("a", "b", "c"):
            return name.upper()
        raise AttributeError(name)

print("class pattern attribute order")
match Attr():
    case Attr(x, "B", c=z):
        print("matched", x, z)

print("failing early stops lookups")
match Attr():
    case Attr("nope", b):
        print("no")
    case Attr(d=1):
        print("no")
    case _:
        print("fallthrough")
