# an uncaught complex ZeroDivisionError traceback.
def f(z):
    return 1 / z
print(f(2j))
f(0j)
