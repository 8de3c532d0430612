# KeyError repr/str for various key types, and missing-key handling.
d = {"a": 1}
for key in ("b", 0, (1, 2), "", "it's", None, 2.5, ("x",)):
    try:
        d[key]
    except KeyError as e:
        print("KeyError", e, repr(e), e.args)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError on del", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    d.pop("q")
except KeyError as e:
    print("KeyError", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError", e)
