# traceback through a decorator wrapper
def logged(fn):
    def wrapper(*args):
        print("calling", fn.__name__)
        return fn(*args)
    return wrapper
@logged
def div(a, b):
    return a // b
print(div(7, 2))
div(1, 0)
