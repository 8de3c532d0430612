# unpacking from every kind of iterable
a, b = "xy"; print(a, b)
a, b = {"k1": 1, "k2": 2}; print(a, b)
a, b = range(2); print(a, b)
a, b = (i * 10 for i in range(2)); print(a, b)
(k, v), = {"k": 1}.items(); print(k, v)
a, *b = map(str, range(4)); print(a, b)
*a, = zip("ab", "cd"); print(a)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
a, b, c = It(); print(a, b, c)
try:
    a, b = It()
except ValueError as e:
    print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 2: raise IndexError
        return i * 7
a, b = Seq(); print(a, b)
