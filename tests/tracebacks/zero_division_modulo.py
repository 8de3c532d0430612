# ZeroDivisionError from modulo in a nested expression
def wrap(i, n):
    return (i + 1) % n
print(wrap(3, 4))
print(wrap(3, 0))
