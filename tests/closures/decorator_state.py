# Decorator factories keeping state in closures: rate limiter simulation, call log.
def logged(prefix):
    log = []
    def deco(f):
        def w(*a):
            r = f(*a)
            log.append(f"{prefix}{f.__name__}{a}={r}")
            return r
        w.log = log
        return w
    return deco
@logged(">> ")
def mul(a, b):
    return a * b
@logged(">> ")
def neg(a):
    return -a
mul(2, 3); mul(4, 5); neg(7)
print(mul.log, neg.log, mul.log is neg.log)
def limit(n):
    def deco(f):
        left = n
        def w(*a):
            nonlocal left
            if left == 0:
                return "limit reached"
            left -= 1
            return f(*a)
        return w
    return deco
@limit(2)
def ping():
    return "pong"
print([ping() for _ in range(4)])
