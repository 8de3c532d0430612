# return/break/continue crossing finally blocks
def r1():
    try:
        return "try"
    finally:
        print("finally r1")
print(r1())
def r2():
    try:
        return "try"
    finally:
        return "finally wins"
print(r2())
def r3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(r3())
def r4():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i
print(r4())
def r5():
    x = 1
    try:
        return x
    finally:
        x = 2
print(r5())
def r6():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner finally")
        finally:
            print("outer finally")
print(r6())
def r7():
    while True:
        try:
            break
        finally:
            print("finally on break")
    return "after loop"
print(r7())
def r8():
    for i in range(2):
        try:
            raise KeyError(i)
        except KeyError:
            continue
        finally:
            print("fin", i)
    return "done"
print(r8())
