# global statement in functions, nested functions and loops
counter = 0
def inc():
    global counter
    counter += 1
    return counter
for _ in range(3):
    inc()
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
def outer():
    def inner():
        global counter
        counter = 100
    inner()
    return counter
print(outer(), counter)
def reader():
    return counter * 2
print(reader())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
def unbound():
    try:
        print(never_defined)
    except NameError as e:
        print(type(e).__name__, e)
unbound()
