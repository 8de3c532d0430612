# NameError suggestions: "Did you mean" for a close builtin name.
def f():
    counter = 1
    return countr
try:
    f()
except NameError as e:
    print(e)
try:
    pritn
except NameError as e:
    print(e, e.name)
pritn("hello")
