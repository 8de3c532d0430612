# return in finally swallows exceptions; exception in finally replaces; finally with break/continue.
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(swallow())
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def replace():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
try:
    replace()
except Exception as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("n in finally", n)
print(counter())
def brk():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke out, exception dropped"
print(brk())
