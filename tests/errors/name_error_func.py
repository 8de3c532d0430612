# Uncaught NameError inside a nested function call (misspelled name).
def outer():
    value = 3
    return inner(value)
def inner(v):
    return v * valeu
print(outer())
