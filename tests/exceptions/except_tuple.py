# except (A, B) as e, catching by base class, order of except clauses, exception var deleted after.
def risky(n):
    if n == 0:
        return 1 / n
    if n == 1:
        return [][n]
    if n == 2:
        return {}["x"]
    if n == 3:
        return int("bad")
    if n == 4:
        return undefined_name
    if n == 5:
        raise OSError("os")
    return "ok"
for i in range(7):
    try:
        print(i, risky(i))
    except (ZeroDivisionError, IndexError) as e:
        print(i, "arith-or-index", type(e).__name__, e)
    except LookupError as e:
        print(i, "lookup", type(e).__name__, e)
    except (ValueError, NameError) as e:
        print(i, "value-or-name", type(e).__name__, e)
    except Exception as e:
        print(i, "generic", type(e).__name__, e)
try:
    raise IndexError("x")
except Exception as err:
    pass
try:
    err
except NameError as e:
    print("NameError", e)
