# UnboundLocalError for names assigned later in a function
x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 5
    return x
print(f())
def g():
    try:
        x += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
g()
def h(flag):
    if flag:
        y = 1
    return y
print(h(True))
try:
    h(False)
except UnboundLocalError as e:
    print(e)
def k():
    for i in range(0):
        pass
    return i
try:
    k()
except UnboundLocalError as e:
    print(e)
def m():
    def inner():
        return z
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    z = 1
print(m())
