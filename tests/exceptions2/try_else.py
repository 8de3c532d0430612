# try/except/else/finally ordering
def run(fail):
    order = []
    try:
        order.append("try")
        if fail:
            raise ValueError
    except ValueError:
        order.append("except")
    else:
        order.append("else")
    finally:
        order.append("finally")
    return order
print(run(False))
print(run(True))
def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise KeyError("from else")
    finally:
        print("finally still")
try:
    else_raises()
except KeyError as e:
    print("caught", e)
def ret_in_else():
    try:
        x = 1
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("fin")
print(ret_in_else())
