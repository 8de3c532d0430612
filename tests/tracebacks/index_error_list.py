# IndexError traceback with list subscript markers
def last(xs):
    return xs[len(xs)]
last([1, 2, 3])
