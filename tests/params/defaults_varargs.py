# defaults, *args, **kwargs together and error messages
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=8))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def errs():
    def one(a): pass
    def two(a, b): pass
    def kws(**k): pass
    def none(): pass
    cases = [lambda: one(), lambda: one(1, 2), lambda: two(1), lambda: two(), lambda: one(a=1, b=2),
             lambda: one(1, a=2), lambda: kws(1), lambda: none(1), lambda: none(x=1), lambda: two(1, 2, 3, 4)]
    for c in cases:
        try:
            c()
        except TypeError as e:
            print(e)
errs()
def many(a, b, c, d):
    pass
try:
    many(1)
except TypeError as e:
    print(e)
def kwonly_missing(*, a, b, c):
    pass
try:
    kwonly_missing()
except TypeError as e:
    print(e)
