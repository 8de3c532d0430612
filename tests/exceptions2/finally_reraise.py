# finally runs while an exception propagates through several frames
def level3():
    try:
        raise KeyError("deep")
    finally:
        print("finally 3")
def level2():
    try:
        level3()
    finally:
        print("finally 2")
def level1():
    try:
        level2()
    except KeyError as e:
        print("handled at 1:", e)
    finally:
        print("finally 1")
level1()
def gen_cleanup():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
for v in gen_cleanup():
    print("got", v)
