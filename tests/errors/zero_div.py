# Uncaught ZeroDivisionError: traceback to stderr, exit status 1, prior stdout flushed.
print("before")
def compute(a, b):
    return a // b
print(compute(10, 2))
print(compute(1, 0))
print("never")
