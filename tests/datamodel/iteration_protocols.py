# __iter__/__next__ iterators, __getitem__ sequence iteration, iter(callable, sentinel)
class Count:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)))
class Seq:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), list(reversed([*Seq()])))
class NotIter: pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
vals = [1, 2, 3, 0, 4]
it = iter(vals)
print(list(iter(lambda: next(it), 0)))
class NoneIter:
    __iter__ = None
try:
    iter(NoneIter())
except TypeError as e:
    print(e)
for x in Count(2):
    print("loop", x)
i = iter(Count(1))
print(next(i), next(i, "default"))
try:
    next(NotIter())
except TypeError as e:
    print(e)
