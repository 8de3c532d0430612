# a full sequence class: slicing via slice objects, negative indices, iteration fallback
class Seq:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(*self.items[i])
        if not isinstance(i, int):
            raise TypeError(f"Seq indices must be integers, not {type(i).__name__}")
        return self.items[i]
    def __repr__(self): return f"Seq{tuple(self.items)}"
s = Seq(10, 20, 30, 40)
print(len(s), s[0], s[-1], s[1:3], s[::-1], list(s), 30 in s, list(reversed(s)))
print(sorted(s, reverse=True), sum(s), max(s), list(enumerate(s))[:2])
try:
    s["x"]
except TypeError as e:
    print(e)
try:
    s[10]
except IndexError as e:
    print(e)
a, b, *c = s
print(a, b, c)
