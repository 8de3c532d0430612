# complex interplay: return in try, break in finally, continue in except
def f():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(f())
def g():
    result = []
    for i in range(4):
        try:
            if i == 2:
                raise ValueError
            result.append(i)
        except ValueError:
            result.append("err")
            continue
        finally:
            result.append(f"f{i}")
    return result
print(g())
def h():
    while True:
        try:
            raise KeyError
        finally:
            break
    return "break swallowed the exception"
print(h())
