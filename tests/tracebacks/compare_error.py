# traceback marker for a failing comparison
items = [3, "a", 1]
def biggest(xs):
    best = xs[0]
    for x in xs[1:]:
        if x > best:
            best = x
    return best
biggest(items)
