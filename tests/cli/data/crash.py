def inner(n):
    return 10 // n


def outer():
    return inner(0)


outer()
