# traceback for a failing star-args call
def f(a, b):
    return a + b
args = [1, 2, 3]
print(f(*args[:2]))
f(*args)
