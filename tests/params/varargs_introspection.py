# *args is a tuple, **kwargs a dict; forwarding arguments through wrappers
def inspect(*args, **kwargs):
    return type(args).__name__, args, type(kwargs).__name__, kwargs
print(inspect())
print(inspect(1, (2,), [3], x=None))
def forward(*a, **k):
    return inspect(*a, **k)
print(forward(1, 2, key="v"))
def count(*args):
    return len(args)
print(count(*range(100)), count(*"abc", *[None]))
def first_kw(**kw):
    return next(iter(kw), None)
print(first_kw(b=1, a=2), first_kw())
