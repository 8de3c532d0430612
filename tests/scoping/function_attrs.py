# function attributes, defaults evaluated once, __defaults__, __kwdefaults__
def f(a, b=[], *, c=1):
    b.append(a)
    return b
print(f(1), f(2), f(3, []))
print(f.__defaults__, f.__kwdefaults__)
f.custom = "attr"
print(f.custom, f.__dict__)
def g(x=print("default evaluated")):
    return x
print("after def")
g(); g()
counter = 10
def h(v=counter):
    return v
counter = 20
print(h())
print(f.__name__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
def deco_doc():
    "documented"
print(deco_doc.__doc__)
