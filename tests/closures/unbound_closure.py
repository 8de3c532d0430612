# Free variable referenced before assignment (caught NameError), and closure over comprehension var.
def f():
    def inner():
        return x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    x = 5
    return inner()
print(f())
def g():
    y = 1
    def inner():
        return y
    del y
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(g())
funcs = [lambda: k for k in range(3)]
print([fn() for fn in funcs])
