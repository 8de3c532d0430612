# markers for a failing call used as an argument of another call
def inner(x):
    return x["key"]
def outer(a, b):
    return a + b
print(outer(1, 2))
print(outer(inner({"key": 1}), inner({})))
