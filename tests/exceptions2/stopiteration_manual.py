# StopIteration in plain iterators, next() defaults, and StopIteration values
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
class Manual:
    def __iter__(self): return self
    def __next__(self): raise StopIteration("custom value")
print(list(Manual()))
try:
    next(Manual())
except StopIteration as e:
    print(e.value)
print(next(iter([]), "dflt"))
