# except clauses with classes computed at runtime and tuples in variables
errors = (KeyError, ValueError)
def pick(i):
    return [TypeError, IndexError][i]
for exc in [KeyError("k"), ValueError("v"), IndexError("i"), TypeError("t")]:
    try:
        raise exc
    except errors as e:
        print("tuple var", repr(e))
    except pick(1) as e:
        print("computed", repr(e))
    except Exception as e:
        print("fallback", repr(e))
try:
    raise ValueError
except (()) as e:
    print("never")
except ValueError:
    print("empty tuple matches nothing")
