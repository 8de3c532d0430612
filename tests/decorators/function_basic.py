# function decorators: wrapping, stacking order, decorators with arguments
def trace(fn):
    def wrapper(*a, **k):
        print("->", fn.__name__, a, k)
        r = fn(*a, **k)
        print("<-", fn.__name__, r)
        return r
    wrapper.__name__ = "traced_" + fn.__name__
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, b=2)
print(add.__name__)
def tag(name):
    def deco(fn):
        def w(*a):
            return f"<{name}>{fn(*a)}</{name}>"
        return w
    return deco
@tag("b")
@tag("i")
def hello(who):
    return "hi " + who
print(hello("bob"))
order = []
def mark(n):
    order.append(("factory", n))
    def d(f):
        order.append(("apply", n))
        return f
    return d
@mark(1)
@mark(2)
@mark(3)
def f(): pass
print(order)
