# nonlocal rebinding across one and several levels
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = counter()
print(c(), c(), c(10))
c2 = counter()
print(c2(), c())
def outer():
    x = "outer"
    def mid():
        def inner():
            nonlocal x
            x = "inner set"
        inner()
        return x
    r = mid()
    return r, x
print(outer())
def shared():
    v = []
    def add(i):
        v.append(i)
    def get():
        return v
    def reset():
        nonlocal v
        v = []
    return add, get, reset
add, get, reset = shared()
add(1); add(2)
print(get())
reset()
add(3)
print(get())
