# traceback through nested (closure) function frames
def outer():
    factor = None
    def middle(x):
        def inner(y):
            return y * factor + 1
        return inner(x)
    return middle(3)
outer()
