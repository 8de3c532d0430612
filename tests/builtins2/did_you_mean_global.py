# NameError suggestion from a global, and none when nothing is close.
some_global_name = 5
def g():
    return some_global_nam
try:
    g()
except NameError as e:
    print(type(e).__name__, e)
xyzzy_quux
