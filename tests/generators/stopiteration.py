# StopIteration behaviour: return value, StopIteration inside a generator becomes RuntimeError (PEP 479).
def g():
    yield 1
    return 99
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.value)
def bad():
    yield 1
    raise StopIteration("inside")
try:
    print(list(bad()))
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))
def first(iterable):
    for x in iterable:
        return x
    raise ValueError("empty")
print(first([5, 6]), first("zz"))
try:
    first([])
except ValueError as e:
    print("ValueError", e)
it = iter([])
print(next(it, None), next(iter(range(3)), None))
