# __closure__ and cell_contents
def outer():
    a = 1
    b = "two"
    def inner():
        return a, b
    return inner
f = outer()
print(len(f.__closure__), [c.cell_contents for c in f.__closure__])
def nofree():
    return 1
print(nofree.__closure__)
def later():
    def inner():
        return v
    c = inner.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    v = 5
    return c.cell_contents
print(later())
print(f.__name__, f.__qualname__)
