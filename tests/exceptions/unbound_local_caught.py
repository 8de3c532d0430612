# UnboundLocalError and NameError caught: messages in 3.11.
x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x
print(f())
def g():
    try:
        print(undefined_thing)
    except NameError as e:
        print("NameError:", e)
g()
def h():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(h())
print(issubclass(UnboundLocalError, NameError))
