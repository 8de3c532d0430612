# except clauses: tuples, order, bare except, re-raise, as-name cleanup
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception:
        return "other"
for exc in [KeyError, IndexError("i"), ZeroDivisionError(), OverflowError, ValueError, LookupError]:
    print(classify(exc))
try:
    raise SystemExit(3) if False else KeyboardInterrupt
except BaseException as e:
    print("base", type(e).__name__)
def reraiser():
    try:
        raise ValueError("orig")
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    print("reraised", e)
try:
    raise NameError("n")
except:
    print("bare except")
e = "before"
try:
    raise KeyError
except KeyError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("name deleted:", ne)
try:
    try:
        raise ValueError
    except 42:
        pass
except TypeError as te:
    print(te)
try:
    raise 5
except TypeError as te:
    print(te)
try:
    raise int
except TypeError as te:
    print(te)
