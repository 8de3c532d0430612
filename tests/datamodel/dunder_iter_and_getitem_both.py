# __iter__ takes precedence over __getitem__ for iteration; in uses __contains__ first
class Both:
    def __iter__(self):
        return iter(["from iter"])
    def __getitem__(self, i):
        return "from getitem"
print(list(Both()), Both()[0], "from iter" in Both())
class IterNone:
    def __getitem__(self, i):
        if i < 2: return i
        raise IndexError
    __iter__ = None
try:
    list(IterNone())
except TypeError as e:
    print(e)
class ContainsNone:
    __contains__ = None
    def __iter__(self): return iter([1])
try:
    1 in ContainsNone()
except TypeError as e:
    print(e)
