def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
def gen(k):
    for i in range(k):
        yield i * i
def deco(f):
    def wrapper(*a):
        return '[' + f(*a) + ']'
    wrapper.__name__ = f.__name__
    return wrapper
