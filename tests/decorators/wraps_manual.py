# copying metadata onto wrappers by hand (functools-free)
def wraps(src):
    def deco(dst):
        for attr in ("__name__", "__qualname__", "__doc__"):
            setattr(dst, attr, getattr(src, attr))
        dst.__wrapped__ = src
        return dst
    return deco
def timed(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@timed
def compute(x):
    "compute things"
    return x * x
print(compute.__name__, compute.__qualname__, compute.__doc__, compute(7), compute.__wrapped__(3))
